package cn.gongkai.ledger.requests.write.fee;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;
import static cn.gongkai.ledger.requests.write.CommandSender.expectedVersion;

import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;
import cn.gongkai.ledger.requests.FeeMethod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
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

/** 信息处理费: issue a notice (computed by the 2020 tariff, or entered with a reason), record payment or waiver. */
@RestController
@RequestMapping("/api/requests/{requestId}")
class FeeEndpoint {

    private final CommandSender sender;

    FeeEndpoint(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "收取信息处理费通知 / Issue a fee notice",
            description = "按件、按量或自定金额收取信息处理费，缴费期间答复期限中止。 / The period stops until the fee is paid.")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: FeeNoticeOnlyOnce, FeeOnlyAboveFreeAllowance, FeeQuantityRequired, EnteredAmountRequired, DatesInOrder")
    @PostMapping("/fee-notice")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Accepted> issue(@PathVariable UUID requestId,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   @Valid @RequestBody NoticeBody body) {
        return sender.send(requestId, new IssueFeeNotice(requestId, expectedVersion(ifMatch), body.method(),
                body.quantity() == null ? 0 : body.quantity(), body.amountFen(), body.reason(), body.issuedOn(),
                body.payableBy()));
    }

    @Operation(summary = "缴纳信息处理费 / Record the fee paid")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: FeePaidInFull, DatesInOrder, ActionNotAllowedInStatus, NoDateInTheFuture")
    @PostMapping("/fee-payment")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Accepted> pay(@PathVariable UUID requestId,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                 @Valid @RequestBody PaymentBody body) {
        return sender.send(requestId, new RecordFeePayment(requestId, expectedVersion(ifMatch), body.amountFen(),
                body.paidOn()));
    }

    @Operation(summary = "减免信息处理费 / Waive the fee")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: ActionNotAllowedInStatus, NoDateInTheFuture")
    @PostMapping("/fee-waiver")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ResponseEntity<Accepted> waive(@PathVariable UUID requestId,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   @Valid @RequestBody WaiverBody body) {
        return sender.send(requestId, new WaiveFee(requestId, expectedVersion(ifMatch), body.reason(),
                body.waivedOn()));
    }

    /**
     * {@code quantity} is the application's ordinal in the applicant's month (PER_APPLICATION) or its
     * page count (PER_PAGE); {@code amountFen} is given only with ENTERED, with a reason.
     */
    record NoticeBody(
            @NotNull(message = REQUIRED) FeeMethod method,
            @Min(value = 1, message = "至少为1 / at least 1") Integer quantity,
            @PositiveOrZero(message = "不能为负数 / must not be negative") Long amountFen,
            @Size(max = 2000, message = TOO_LONG) String reason,
            @NotNull(message = REQUIRED) LocalDate issuedOn,
            @NotNull(message = REQUIRED) LocalDate payableBy) {
    }

    record PaymentBody(
            @NotNull(message = REQUIRED) @PositiveOrZero(message = "不能为负数 / must not be negative") Long amountFen,
            @NotNull(message = REQUIRED) LocalDate paidOn) {
    }

    record WaiverBody(
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String reason,
            @NotNull(message = REQUIRED) LocalDate waivedOn) {
    }
}
