package cn.gongkai.ledger.requests.write.answer;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;
import static cn.gongkai.ledger.requests.write.CommandSender.expectedVersion;

import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;
import cn.gongkai.ledger.requests.Outcome;
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

    @PostMapping("/answer-draft")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Accepted> draft(@PathVariable UUID requestId,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   @Valid @RequestBody DraftBody body) {
        return sender.send(requestId, new DraftAnswer(requestId, expectedVersion(ifMatch), body.outcome(),
                body.legalBasis(), body.text(), body.draftedOn()));
    }

    @PostMapping("/answer-draft/approval")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ResponseEntity<Accepted> approve(@PathVariable UUID requestId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody ApprovalBody body) {
        return sender.send(requestId, new ApproveAnswer(requestId, expectedVersion(ifMatch), body.approvedOn()));
    }

    @PostMapping("/answer-draft/return")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ResponseEntity<Accepted> giveBack(@PathVariable UUID requestId,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                      @Valid @RequestBody ReturnBody body) {
        return sender.send(requestId, new ReturnAnswer(requestId, expectedVersion(ifMatch), body.reason(),
                body.returnedOn()));
    }

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
