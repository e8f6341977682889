package cn.gongkai.ledger.requests.write.correction;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;
import static cn.gongkai.ledger.requests.write.CommandSender.expectedVersion;

import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;

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

    @PostMapping("/correction-request")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Accepted> request(@PathVariable UUID requestId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody CorrectionRequestBody body) {
        return sender.send(requestId, new RequestCorrection(requestId, expectedVersion(ifMatch),
                body.whatIsUnclear(), body.requestedOn(), body.correctionDueOn()));
    }

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
