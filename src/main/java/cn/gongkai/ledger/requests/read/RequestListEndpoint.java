package cn.gongkai.ledger.requests.read;

import cn.gongkai.ledger.processing.ReadsProjection;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.RequestStatus;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/requests}: the acting user's agency's applications, filtered by status, year of
 * receipt, applicant category, overdue, or due within N working days. Read from the list read
 * model, which trails the event store by the time its processor takes to catch up.
 */
@RestController
@ReadsProjection(RequestSummaryProjection.PROCESSING_GROUP)
@RequestMapping("/api/requests")
class RequestListEndpoint {

    private static final int MAX_PAGE_SIZE = 500;

    private final RequestList list;
    private final CurrentActor currentActor;

    RequestListEndpoint(RequestList list, CurrentActor currentActor) {
        this.list = list;
        this.currentActor = currentActor;
    }

    @Operation(summary = "申请列表 / List the applications",
            description = "本机关的申请，可按状态、年度、申请人类别、逾期或临近期限筛选，分页。 / The agency's applications, filtered by status, year, applicant category, overdue or due within N working days; paged.")
    @GetMapping
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    RequestList.Page list(@RequestParam(required = false) RequestStatus status,
              @RequestParam(required = false) Integer year,
              @RequestParam(required = false) ApplicantCategory category,
              @RequestParam(required = false, defaultValue = "false") boolean overdue,
              @RequestParam(required = false) Integer dueWithin,
              @RequestParam(required = false, defaultValue = "0") int page,
              @RequestParam(required = false, defaultValue = "50") int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InputRejected(FieldProblem.of("size", "每页条数应在1到500之间", "page size must be 1 to 500"));
        }
        if (page < 0) {
            throw new InputRejected(FieldProblem.of("page", "页码不能为负数", "page must not be negative"));
        }
        if (dueWithin != null && dueWithin < 0) {
            throw new InputRejected(FieldProblem.of("dueWithin", "不能为负数", "must not be negative"));
        }
        return list.find(RequestList.Filter.of(currentActor.current().agencyId(), status, year, category, overdue,
                dueWithin, page, size));
    }
}
