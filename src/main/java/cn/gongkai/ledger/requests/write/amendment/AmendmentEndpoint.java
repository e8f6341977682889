package cn.gongkai.ledger.requests.write.amendment;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;
import static cn.gongkai.ledger.requests.write.CommandSender.expectedVersion;

import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Outcome;
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

/** Corrections after the fact, by a reviewer, with a reason: compensating events, never an edit of history. */
@RestController
@RequestMapping("/api/requests/{requestId}")
class AmendmentEndpoint {

    private final CommandSender sender;

    AmendmentEndpoint(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "更正办理结果 / Correct the outcome",
            description = "已办结申请的处理结果有误时由审核人或负责人更正，并说明理由；年度报表随之更正。 / The tables follow the correction.")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: CorrectionChangesSomething, CorrectorIsNeitherDrafterNorApprover, ConcludedFirst")
    @PostMapping("/outcome-correction")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ResponseEntity<Accepted> correctOutcome(@PathVariable UUID requestId,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            @Valid @RequestBody OutcomeBody body) {
        return sender.send(requestId, new CorrectOutcome(requestId, expectedVersion(ifMatch),
                body.correctedOutcome(), body.reason(), body.correctedOn()));
    }

    @Operation(summary = "更正申请人类别 / Correct the applicant's category")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: CorrectionChangesSomething, NoDateInTheFuture")
    @PostMapping("/category-correction")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ResponseEntity<Accepted> correctCategory(@PathVariable UUID requestId,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             @Valid @RequestBody CategoryBody body) {
        return sender.send(requestId, new CorrectApplicantCategory(requestId, expectedVersion(ifMatch),
                body.correctedCategory(), body.reason(), body.correctedOn()));
    }

    record OutcomeBody(
            @NotNull(message = REQUIRED) Outcome correctedOutcome,
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String reason,
            @NotNull(message = REQUIRED) LocalDate correctedOn) {
    }

    record CategoryBody(
            @NotNull(message = REQUIRED) ApplicantCategory correctedCategory,
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String reason,
            @NotNull(message = REQUIRED) LocalDate correctedOn) {
    }
}
