package cn.gongkai.ledger.requests.write.correction;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;
import static cn.gongkai.ledger.requests.write.CommandSender.expectedVersion;

import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;

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

/** 补正: request a correction once, then record the corrected application's arrival. */
@RestController
@RequestMapping("/api/requests/{requestId}")
class CorrectionEndpoint {

    private final CommandSender sender;

    CorrectionEndpoint(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "通知补正 / Ask for a correction",
            description = "申请内容不明确的，一次性告知申请人补正（条例第二十九条），答复期限自收到补正之日起算。 / The period restarts when the correction arrives.")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: CorrectionRequestedOnlyOnce, DatesInOrder, ActionNotAllowedInStatus, NoDateInTheFuture")
    @PostMapping("/correction-request")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Accepted> request(@PathVariable UUID requestId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody CorrectionRequestBody body) {
        return sender.send(requestId, new RequestCorrection(requestId, expectedVersion(ifMatch),
                body.whatIsUnclear(), body.requestedOn(), body.correctionDueOn()));
    }

    @Operation(summary = "收到补正 / Record the correction received")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: DatesInOrder, ActionNotAllowedInStatus, NoDateInTheFuture")
    @PostMapping("/correction-receipt")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Accepted> receive(@PathVariable UUID requestId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody ReceiptBody body) {
        return sender.send(requestId, new ReceiveCorrection(requestId, expectedVersion(ifMatch), body.receivedOn()));
    }

    record CorrectionRequestBody(
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String whatIsUnclear,
            @NotNull(message = REQUIRED) LocalDate requestedOn,
            @NotNull(message = REQUIRED) LocalDate correctionDueOn) {
    }

    record ReceiptBody(@NotNull(message = REQUIRED) LocalDate receivedOn) {
    }
}
