package cn.gongkai.ledger.requests.web;

import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.InputBounds;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.RequestStatus;
import cn.gongkai.ledger.requests.read.RequestList;
import cn.gongkai.ledger.requests.read.RequestList.Filter;
import cn.gongkai.ledger.requests.read.RequestList.Order;
import cn.gongkai.ledger.web.PageController;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * 待办 ({@code GET /requests}), one application ({@code GET /requests/{id}}) and 待审核 ({@code GET /review}):
 * views over {@link RequestList}, the list query {@code GET /api/requests} asks, and
 * {@link ApplicationPage}, which reads the application as {@code GET /api/requests/{id}} does.
 */
@PageController
class RequestPages {

    private static final int PAGE_SIZE = 50;

    private final RequestList list;
    private final ApplicationPage application;
    private final CurrentActor currentActor;
    private final Clock clock;

    RequestPages(RequestList list, ApplicationPage application, CurrentActor currentActor, Clock clock) {
        this.list = list;
        this.application = application;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /**
     * The agency's open applications (or, with a status, those in it), nearest due date first.
     *
     * @param due    {@code overdue}, {@code soon} (3个工作日内到期) or {@code extended}
     * @param number part of a registration number
     */
    @GetMapping("/requests")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    String work(@RequestParam(required = false) RequestStatus status,
                @RequestParam(required = false) ApplicantCategory category,
                @RequestParam(required = false) String handler,
                @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String due,
                @RequestParam(required = false) String number,
                @RequestParam(required = false, defaultValue = "due") String sort,
                @RequestParam(required = false, defaultValue = "0") int page,
                Model model) {
        String agencyId = currentActor.current().agencyId();
        Order order = switch (sort) {
            case "due-desc" -> Order.DUE_DESC;
            case "received" -> Order.RECEIVED_DESC;
            default -> Order.DUE_ASC;
        };
        Integer boundedYear = year == null ? null : InputBounds.clampYear(year, BusinessClock.today(clock).getYear());
        Filter filter = new Filter(agencyId, status, boundedYear, category, status == null,
                "overdue".equals(due), "soon".equals(due) ? RequestList.DUE_SOON_WORKING_DAYS : null,
                "extended".equals(due), blankToNull(handler), blankToNull(number), order, Math.max(page, 0),
                PAGE_SIZE);
        model.addAttribute("rows", list.rows(filter));
        model.addAttribute("total", list.count(filter));
        model.addAttribute("counts", list.counts(agencyId));
        model.addAttribute("handlers", list.handlers(agencyId));
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("categories", ApplicantCategory.values());
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", PAGE_SIZE);
        return "requests/work";
    }

    @GetMapping("/requests/{requestId}")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    ModelAndView one(@PathVariable UUID requestId) {
        return application.show(requestId);
    }

    /** Drafts awaiting approval; the reviewer's own drafts are listed but cannot be approved by them. */
    @GetMapping("/review")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    String review(Model model) {
        String agencyId = currentActor.current().agencyId();
        Filter filter = new Filter(agencyId, RequestStatus.ANSWER_DRAFTED, null, null, false, false, null, false,
                null, null, Order.DUE_ASC, 0, 200);
        model.addAttribute("rows", list.rows(filter));
        return "requests/review";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
