package cn.gongkai.ledger.requests.write.conclusion;

import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;
import static cn.gongkai.ledger.requests.write.CommandSender.expectedVersion;

import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
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

/** Ending without an answer on the merits: withdrawal, or a lapse after the applicant's default. */
@RestController
@RequestMapping("/api/requests/{requestId}")
class ConclusionEndpoint {

    private final CommandSender sender;

    ConclusionEndpoint(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "申请人撤回申请 / Record the applicant's withdrawal")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: ConcludedOnlyOnce, ActionNotAllowedInStatus, NoDateInTheFuture")
    @PostMapping("/withdrawal")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Accepted> withdraw(@PathVariable UUID requestId,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                      @Valid @RequestBody WithdrawalBody body) {
        return sender.send(requestId, new WithdrawRequest(requestId, expectedVersion(ifMatch), body.reason(),
                body.withdrawnOn()));
    }

    @Operation(summary = "逾期未补正或未缴费，终止办理 / End: no correction or no fee in time")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: LapseOnlyAfterCorrectionDeadline, LapseOnlyAfterPaymentDeadline, ActionNotAllowedInStatus")
    @PostMapping("/lapse")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Accepted> lapse(@PathVariable UUID requestId,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   @Valid @RequestBody LapseBody body) {
        return sender.send(requestId, new LapseRequest(requestId, expectedVersion(ifMatch), body.cause(),
                body.concludedOn()));
    }

    record WithdrawalBody(
            @Size(max = 2000, message = TOO_LONG) String reason,
            @NotNull(message = REQUIRED) LocalDate withdrawnOn) {
    }

    record LapseBody(
            @NotNull(message = REQUIRED) LapseCause cause,
            @NotNull(message = REQUIRED) LocalDate concludedOn) {
    }
}
