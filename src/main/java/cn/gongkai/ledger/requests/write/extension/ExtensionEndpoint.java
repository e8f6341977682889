package cn.gongkai.ledger.requests.write.extension;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;
import static cn.gongkai.ledger.requests.write.CommandSender.expectedVersion;

import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

/** 延期: extend the answer period once, by at most 20 working days, as a reviewer or the office head. */
@RestController
@RequestMapping("/api/requests/{requestId}")
class ExtensionEndpoint {

    private final CommandSender sender;

    ExtensionEndpoint(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "延长答复期限 / Extend the period",
            description = "经审核同意，延长答复期限最长不超过20个工作日，只能延长一次（条例第三十三条）。 / At most 20 working days, once.")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: ExtensionOnlyOnce, ActionNotAllowedInStatus, NoDateInTheFuture")
    @PostMapping("/extension")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ResponseEntity<Accepted> extend(@PathVariable UUID requestId,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                    @Valid @RequestBody ExtensionBody body) {
        return sender.send(requestId, new ExtendDeadline(requestId, expectedVersion(ifMatch),
                body.workingDays(), body.reason(), body.extendedOn()));
    }

    record ExtensionBody(
            @NotNull(message = REQUIRED) @Min(value = 1, message = "至少1个工作日 / at least 1 working day")
            @Max(value = 20, message = "最多20个工作日 / at most 20 working days") Integer workingDays,
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String reason,
            @NotNull(message = REQUIRED) LocalDate extendedOn) {
    }
}
