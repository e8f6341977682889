package cn.gongkai.ledger.requests.write.archive;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Archive a concluded application's file. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record ArchiveRequest(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, LocalDate archivedOn) {
}
