package cn.gongkai.ledger.requests.write.archive;

import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.requests.write.CommandSender.expectedVersion;

import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** 归档: archive a concluded application's file. */
@RestController
@RequestMapping("/api/requests/{requestId}")
class ArchiveEndpoint {

    private final CommandSender sender;

    ArchiveEndpoint(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "归档 / Archive the concluded application")
    @ApiResponse(responseCode = "200", description = "已记录：申请编号和新版本（ETag） / recorded: the id and new version (ETag)")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: ConcludedFirst, ActionNotAllowedInStatus, NoDateInTheFuture")
    @PostMapping("/archive")
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Accepted> archive(@PathVariable UUID requestId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody ArchiveBody body) {
        return sender.send(requestId, new ArchiveRequest(requestId, expectedVersion(ifMatch), body.archivedOn()));
    }

    record ArchiveBody(@NotNull(message = REQUIRED) LocalDate archivedOn) {
    }
}
