package cn.gongkai.ledger.platform;

import java.sql.SQLException;
import java.time.Duration;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names Axon's JDBC tables in snake_case, as created by Flyway's {@code V1__event_store.sql}.
 * Axon itself creates no table.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Recognises PostgreSQL's unique-key violation (SQLSTATE 23505) on the event table as a
     * concurrent append, so that the loser of a race gets Axon's {@code ConcurrencyException}
     * (answered 409) instead of a generic storage error. Axon's default resolver looks for
     * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * The source of every streaming processor ({@code source: promptEventSource} in
     * {@code application.yaml}): the event store, looked at every 50 ms when idle instead of Axon's
     * 500 ms.
     */
    @Bean
    PromptEventSource promptEventSource(EventStore eventStore) {
        return new PromptEventSource(eventStore, Duration.ofMillis(50));
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
