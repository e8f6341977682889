package cn.gongkai.ledger.disputes.write.correct;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;

import cn.gongkai.ledger.access.AgencyIds;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.disputes.read.DisputeRecords;
import cn.gongkai.ledger.disputes.read.DisputeView;
import cn.gongkai.ledger.disputes.write.DisputeChanges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/disputes/{id}/correction}: sets right what was recorded wrong about a case (更正):
 * the body is the case in full as it should read, with a reason. A reviewer or the office head who
 * recorded neither the filing nor the decision issues it; the earlier events stay as they were.
 */
@RestController
@RequestMapping("/api/disputes/{disputeId}")
class CorrectDisputeEndpoint {

    private final DisputeChanges changes;
    private final CurrentActor currentActor;
    private final AgencyIds ids;

    CorrectDisputeEndpoint(DisputeChanges changes, CurrentActor currentActor, AgencyIds ids) {
        this.changes = changes;
        this.currentActor = currentActor;
        this.ids = ids;
    }

    @PostMapping("/correction")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    @Operation(summary = "更正复议诉讼案件 / Correct a reconsideration or lawsuit case")
    @ApiResponse(responseCode = "200", description = "已更正 / corrected; ETag is the case's new version")
    @ApiResponse(responseCode = "400", description = "输入有误 / invalid input, each field named")
    @ApiResponse(responseCode = "403", description = "无权执行此操作 / not a reviewer or the office head")
    @ApiResponse(responseCode = "404", description = "未找到案件或申请 / no such case or application of this agency")
    @ApiResponse(responseCode = "409", description = "案件已被他人同时修改 / the case changed since the If-Match version")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a business rule refused it")
    ResponseEntity<DisputeView> correct(@PathVariable UUID disputeId,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        @Valid @RequestBody CorrectionBody body) {
        String agencyId = currentActor.current().agencyId();
        // the application as this agency knows it (ADR 0005: its own id space)
        UUID requestId = ids.resolve(agencyId, body.requestId());
        return changes.send(disputeId, ifMatch, expected -> new CorrectDispute(disputeId, expected, requestId,
                body.kind(), body.filedOn(), body.caseNumber(), body.authority(), body.result(), body.decidedOn(),
                body.summary(), body.reason(), body.correctedOn()));
    }

    /**
     * The case as it should read. {@code result} and {@code decidedOn} go together: both empty take
     * back a decision recorded in error.
     */
    record CorrectionBody(
            @NotNull(message = REQUIRED) UUID requestId,
            @NotNull(message = REQUIRED) DisputeKind kind,
            @NotNull(message = REQUIRED) LocalDate filedOn,
            @Size(max = 100, message = TOO_LONG) String caseNumber,
            @Size(max = 200, message = TOO_LONG) String authority,
            DisputeResult result,
            LocalDate decidedOn,
            @Size(max = 2000, message = TOO_LONG) String summary,
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String reason,
            @NotNull(message = REQUIRED) LocalDate correctedOn) {
    }
}
