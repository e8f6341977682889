package cn.gongkai.ledger.audit;

import cn.gongkai.ledger.processing.ReadsProjection;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail, read-only, for auditors and the office head of the agency: the history of one
 * application, the activity of one user over a period, the after-the-fact changes of one year.
 * JSON by default, {@code ?format=csv} for Excel. Another agency's application or user is not found
 * (404); the trail follows the events within moments, like every list of this API.
 */
@RestController
@ReadsProjection(AuditTrailProjection.PROCESSING_GROUP)
@RequestMapping("/api/audit")
class AuditEndpoint {

    static final int MAX_PAGE_SIZE = 200;
    /** Rows one CSV export may hold; a longer period is exported in parts. */
    static final int MAX_EXPORT_ROWS = 100_000;

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AuditTrail trail;
    private final CurrentActor currentActor;

    AuditEndpoint(AuditTrail trail, CurrentActor currentActor) {
        this.trail = trail;
        this.currentActor = currentActor;
    }

    /** 每一步 of one application: what, business date, recorded time, who, why, from where, correlation. */
    @Operation(summary = "申请的审计记录 / An application's audit history",
            description = "每一步：事项、业务日期、记录时间、操作人、理由、来源地址、关联编号；format=csv 导出。 / Every step; format=csv exports.")
    @ApiResponse(responseCode = "200", description = "审计记录 / the history", content = {@Content(mediaType = "application/json", schema = @Schema(implementation = History.class)), @Content(mediaType = "text/csv")})
    @GetMapping("/requests/{requestId}")
    @PreAuthorize("hasAnyRole('AUDITOR','HEAD')")
    ResponseEntity<?> history(@PathVariable UUID requestId, @RequestParam(required = false) String format) {
        boolean csv = csv(format);
        List<AuditStep> steps = trail.history(agency(), requestId);
        if (csv) {
            return csv("audit-request-" + requestId + ".csv", AuditCsv.render(AuditCsv.STEP_COLUMNS, steps));
        }
        return ResponseEntity.ok(new History(requestId, steps));
    }

    /**
     * What one user did between {@code from} and {@code to} (both included), by recorded time in
     * Beijing; paged in JSON, the whole period in CSV.
     */
    @Operation(summary = "用户操作记录 / A user's activity",
            description = "from 至 to（含）期间按记录时间（北京时间）列出，JSON 分页，CSV 导出全部。 / Paged in JSON; the whole period in CSV.")
    @ApiResponse(responseCode = "200", description = "操作记录 / the activity", content = {@Content(mediaType = "application/json", schema = @Schema(implementation = AuditTrail.Page.class)), @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: ExportTooLarge")
    @GetMapping("/users/{username}/activity")
    @PreAuthorize("hasAnyRole('AUDITOR','HEAD')")
    ResponseEntity<?> activity(@PathVariable String username, @RequestParam LocalDate from, @RequestParam LocalDate to,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size,
                               @RequestParam(required = false) String format) {
        boolean csv = csv(format);
        List<FieldProblem> problems = new ArrayList<>();
        if (from.isAfter(to)) {
            problems.add(FieldProblem.of("to", "截止日期不能早于起始日期", "must not be before from"));
        }
        if (page < 0) {
            problems.add(FieldProblem.of("page", "页码不能为负数", "must not be negative"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(FieldProblem.of("size", "每页条数须在1至" + MAX_PAGE_SIZE + "之间",
                    "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InputRejected(problems);
        }
        if (csv) {
            AuditTrail.Page all = trail.activity(agency(), username, from, to, 0, MAX_EXPORT_ROWS);
            if (all.total() > MAX_EXPORT_ROWS) {
                throw new RuleViolation("ExportTooLarge", "to",
                        "该期间记录超过" + MAX_EXPORT_ROWS + "条，请缩短期间分次导出",
                        "more than " + MAX_EXPORT_ROWS + " entries in the period; export shorter periods");
            }
            return csv("audit-activity-" + from + "-" + to + ".csv", AuditCsv.render(AuditCsv.STEP_COLUMNS, all.steps()));
        }
        return ResponseEntity.ok(trail.activity(agency(), username, from, to, page, size));
    }

    /** Every after-the-fact change of the agency's tables of {@code year}: corrections, and late entries into a closed year. */
    @Operation(summary = "年度报表的事后变更 / After-the-fact changes to a year",
            description = "更正和补录进已结转年度的记录。 / Corrections and late entries into a closed year.")
    @ApiResponse(responseCode = "200", description = "变更记录 / the changes", content = {@Content(mediaType = "application/json", schema = @Schema(implementation = YearChanges.class)), @Content(mediaType = "text/csv")})
    @GetMapping("/years/{year}/changes")
    @PreAuthorize("hasAnyRole('AUDITOR','HEAD')")
    ResponseEntity<?> changes(@PathVariable int year, @RequestParam(required = false) String format) {
        boolean csv = csv(format);
        String agencyId = agency();
        List<AuditChange> changes = trail.changes(agencyId, year);
        if (csv) {
            return csv("audit-changes-" + agencyId + "-" + year + ".csv",
                    AuditCsv.render(AuditCsv.CHANGE_COLUMNS, changes));
        }
        return ResponseEntity.ok(new YearChanges(agencyId, year, changes));
    }

    private String agency() {
        return currentActor.current().agencyId();
    }

    /** Whether CSV was asked for; JSON when {@code format} is absent. */
    private static boolean csv(String format) {
        if (format == null || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (format.equalsIgnoreCase("csv")) {
            return true;
        }
        throw new InputRejected(FieldProblem.of("format", "只能是 json 或 csv", "must be json or csv"));
    }

    private static ResponseEntity<byte[]> csv(String filename, byte[] body) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    record History(UUID requestId, List<AuditStep> steps) {
    }

    record YearChanges(String agencyId, int year, List<AuditChange> changes) {
    }
}
