package cn.gongkai.ledger.requests.write.answer;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;
import static cn.gongkai.ledger.requests.write.CommandSender.expectedVersion;

import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;
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

/** 答复: draft, review (编审分离: the approver is never the drafter), and give the answer. */
@RestController
@RequestMapping("/api/requests/{requestId}")
class AnswerEndpoint {

    private final CommandSender sender;

    AnswerEndpoint(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "拟定答复 / Draft the answer",
            description = "经办人拟定答复（处理结果、法律依据、答复正文），交审核人审核。 / The handler drafts; a reviewer approves.")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: DraftPendingReview, AnswerOutcome, ActionNotAllowedInStatus, NoDateInTheFuture")
    @PostMapping("/answer-draft")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Accepted> draft(@PathVariable UUID requestId,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   @Valid @RequestBody DraftBody body) {
        return sender.send(requestId, new DraftAnswer(requestId, expectedVersion(ifMatch), body.outcome(),
                body.legalBasis(), body.text(), body.draftedOn()));
    }

    @Operation(summary = "审核通过答复 / Approve the draft answer",
            description = "编审分离：审核人不能是拟稿人。 / The approver is never the drafter.")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: ReviewerIsNotDrafter, ActionNotAllowedInStatus, NoDateInTheFuture")
    @PostMapping("/answer-draft/approval")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ResponseEntity<Accepted> approve(@PathVariable UUID requestId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody ApprovalBody body) {
        return sender.send(requestId, new ApproveAnswer(requestId, expectedVersion(ifMatch), body.approvedOn()));
    }

    @Operation(summary = "退回答复 / Return the draft answer")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: ReviewerIsNotDrafter, ActionNotAllowedInStatus, NoDateInTheFuture")
    @PostMapping("/answer-draft/return")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ResponseEntity<Accepted> giveBack(@PathVariable UUID requestId,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                      @Valid @RequestBody ReturnBody body) {
        return sender.send(requestId, new ReturnAnswer(requestId, expectedVersion(ifMatch), body.reason(),
                body.returnedOn()));
    }

    @Operation(summary = "作出答复 / Give the answer",
            description = "以审核通过的答复办结申请，计入年度报告第三部分。 / Concludes the application with the approved answer (part 三).")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: ReviewerApproves, ConcludedOnlyOnce, ActionNotAllowedInStatus, NoDateInTheFuture")
    @PostMapping("/answer")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Accepted> answer(@PathVariable UUID requestId,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                    @Valid @RequestBody AnswerBody body) {
        return sender.send(requestId, new IssueAnswer(requestId, expectedVersion(ifMatch), body.answeredOn()));
    }

    record DraftBody(
            @NotNull(message = REQUIRED) Outcome outcome,
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String legalBasis,
            @NotBlank(message = NOT_BLANK) @Size(max = 20000, message = TOO_LONG) String text,
            @NotNull(message = REQUIRED) LocalDate draftedOn) {
    }

    record ApprovalBody(@NotNull(message = REQUIRED) LocalDate approvedOn) {
    }

    record ReturnBody(
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String reason,
            @NotNull(message = REQUIRED) LocalDate returnedOn) {
    }

    record AnswerBody(@NotNull(message = REQUIRED) LocalDate answeredOn) {
    }
}
