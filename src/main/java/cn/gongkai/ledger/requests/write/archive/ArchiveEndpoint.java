package cn.gongkai.ledger.requests.write.archive;

import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.requests.write.CommandSender.expectedVersion;

import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;

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
