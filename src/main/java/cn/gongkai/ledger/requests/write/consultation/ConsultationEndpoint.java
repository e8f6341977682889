package cn.gongkai.ledger.requests.write.consultation;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;
import static cn.gongkai.ledger.requests.write.CommandSender.expectedVersion;

import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;
import cn.gongkai.ledger.requests.ConsultedParty;
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

/** 征求意见: consult a third party or another agency (the clock pauses), then record the answer. */
@RestController
@RequestMapping("/api/requests/{requestId}")
class ConsultationEndpoint {

    private final CommandSender sender;

    ConsultationEndpoint(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "征求意见 / Consult a third party or another agency",
            description = "征求第三方或其他机关意见（条例第三十二条），所需时间不计入答复期限。 / The time taken does not count towards the period.")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: ActionNotAllowedInStatus, NoDateInTheFuture")
    @PostMapping("/consultation")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Accepted> start(@PathVariable UUID requestId,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   @Valid @RequestBody StartBody body) {
        return sender.send(requestId, new StartConsultation(requestId, expectedVersion(ifMatch),
                body.party(), body.consulted(), body.startedOn()));
    }

    @Operation(summary = "收到征求意见答复 / Record the consulted party's answer")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: DatesInOrder, ActionNotAllowedInStatus, NoDateInTheFuture")
    @PostMapping("/consultation/answer")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Accepted> answer(@PathVariable UUID requestId,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                    @Valid @RequestBody AnswerBody body) {
        return sender.send(requestId, new RecordConsultationAnswer(requestId, expectedVersion(ifMatch),
                body.answeredOn()));
    }

    record StartBody(
            @NotNull(message = REQUIRED) ConsultedParty party,
            @NotBlank(message = NOT_BLANK) @Size(max = 500, message = TOO_LONG) String consulted,
            @NotNull(message = REQUIRED) LocalDate startedOn) {
    }

    record AnswerBody(@NotNull(message = REQUIRED) LocalDate answeredOn) {
    }
}
