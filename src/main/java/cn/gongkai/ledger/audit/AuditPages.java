package cn.gongkai.ledger.audit;

import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputBounds;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.web.PageController;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * 审计 for auditors and the office head, as {@code /api/audit} allows: the history of one application, the
 * activity of one user over a period, the year's after-the-fact changes, each with its CSV download. The pages
 * ask {@link AuditEndpoint}, so the queries, the checks of the input and the CSV are the API's.
 */
@PageController
@PreAuthorize("hasAnyRole('AUDITOR','HEAD')")
class AuditPages {

    private static final int PAGE_SIZE = 50;
    private static final int MAX_NUMBER_LENGTH = 50;

    private final AuditEndpoint endpoint;
    private final AuditTrail trail;
    private final CurrentActor currentActor;
    private final Clock clock;

    AuditPages(AuditEndpoint endpoint, AuditTrail trail, CurrentActor currentActor, Clock clock) {
        this.endpoint = endpoint;
        this.trail = trail;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String index(Model model) {
        LocalDate today = BusinessClock.today(clock);
        model.addAttribute("today", today);
        model.addAttribute("monthStart", today.withDayOfMonth(1));
        model.addAttribute("problems", Map.of());
        return "audit/index";
    }

    /** An application by its registration number: its history, or the index with the problem at the field. */
    @GetMapping("/audit/requests")
    Object find(@RequestParam(required = false) String number, Model model) {
        String typed = number == null ? "" : number.strip();
        var found = typed.isEmpty() || typed.length() > MAX_NUMBER_LENGTH ? java.util.Optional.<UUID>empty()
                : trail.requestIdOf(currentActor.current().agencyId(), typed);
        if (found.isPresent()) {
            return "redirect:/audit/requests/" + found.get();
        }
        String problem = typed.isEmpty() ? "请填写登记号" : "本机关没有这个登记号的申请";
        return refused(model, Map.of("number", problem), HttpStatus.NOT_FOUND);
    }

    @GetMapping("/audit/requests/{requestId}")
    String history(@PathVariable UUID requestId, Model model) {
        AuditEndpoint.History history = (AuditEndpoint.History) endpoint.history(requestId, null).getBody();
        model.addAttribute("steps", history.steps());
        model.addAttribute("requestId", requestId);
        model.addAttribute("registrationNumber", history.steps().isEmpty() ? null
                : history.steps().get(0).registrationNumber());
        return "audit/history";
    }

    @GetMapping("/audit/requests/{requestId}/csv")
    ResponseEntity<?> historyCsv(@PathVariable UUID requestId) {
        return endpoint.history(requestId, "csv");
    }

    @GetMapping("/audit/activity")
    Object activity(@RequestParam(required = false) String username, @RequestParam(required = false) LocalDate from,
                    @RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        if (username == null || username.isBlank()) {
            return refused(model, Map.of("username", "请填写用户名"), HttpStatus.BAD_REQUEST);
        }
        LocalDate today = BusinessClock.today(clock);
        LocalDate start = from == null ? today.withDayOfMonth(1) : from;
        LocalDate end = to == null ? today : to;
        try {
            AuditTrail.Page steps = (AuditTrail.Page) endpoint.activity(username.strip(), start, end, page, PAGE_SIZE,
                    null).getBody();
            model.addAttribute("activity", steps);
            return "audit/activity";
        } catch (InputRejected rejected) {
            Map<String, String> problems = new LinkedHashMap<>();
            for (FieldProblem problem : rejected.problems()) {
                problems.putIfAbsent(problem.field(), problem.messageZh());
            }
            return refused(model, problems, HttpStatus.BAD_REQUEST);
        } catch (NotFound elsewhere) {
            return refused(model, Map.of("username", "本机关没有这个用户的记录"), HttpStatus.NOT_FOUND);
        }
    }

    @GetMapping("/audit/activity/csv")
    Object activityCsv(@RequestParam String username, @RequestParam LocalDate from, @RequestParam LocalDate to,
                       Model model) {
        try {
            return endpoint.activity(username, from, to, 0, PAGE_SIZE, "csv");
        } catch (InputRejected rejected) {
            return refused(model, Map.of("to", rejected.problems().get(0).messageZh()), HttpStatus.BAD_REQUEST);
        } catch (RuleViolation tooLarge) {
            return refused(model, Map.of("to", tooLarge.messageZh()), HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (NotFound elsewhere) {
            return refused(model, Map.of("username", "本机关没有这个用户的记录"), HttpStatus.NOT_FOUND);
        }
    }

    @GetMapping("/audit/years/{year}/changes")
    String changes(@PathVariable int year, Model model) {
        AuditEndpoint.YearChanges changes = (AuditEndpoint.YearChanges) endpoint.changes(known(year), null).getBody();
        model.addAttribute("year", year);
        model.addAttribute("changes", changes.changes());
        return "audit/changes";
    }

    @GetMapping("/audit/years/{year}/changes/csv")
    ResponseEntity<?> changesCsv(@PathVariable int year) {
        return endpoint.changes(known(year), "csv");
    }

    /** The index again, with what the form was refused for next to its field and the typed values kept. */
    private ModelAndView refused(Model model, Map<String, String> problems, HttpStatus status) {
        index(model);
        model.addAttribute("problems", problems);
        ModelAndView page = new ModelAndView("audit/index", model.asMap());
        page.setStatus(status);
        return page;
    }

    private int known(int year) {
        if (InputBounds.clampYear(year, BusinessClock.today(clock).getYear()) != year) {
            throw new NotFound("year " + year);
        }
        return year;
    }
}
