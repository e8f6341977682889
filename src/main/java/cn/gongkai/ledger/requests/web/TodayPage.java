package cn.gongkai.ledger.requests.web;

import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.requests.read.RequestList;
import cn.gongkai.ledger.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /}: the landing page, what needs doing today for the signed-in person's roles: for a handler the
 * overdue, the due within 3 working days and the waiting applications; for a reviewer the drafts awaiting
 * approval; for the other roles the way to their pages.
 */
@PageController
class TodayPage {

    private final RequestList list;
    private final CurrentActor currentActor;

    TodayPage(RequestList list, CurrentActor currentActor) {
        this.list = list;
        this.currentActor = currentActor;
    }

    @GetMapping("/")
    String today(Model model) {
        model.addAttribute("counts", list.counts(currentActor.current().agencyId()));
        return "requests/today";
    }
}
