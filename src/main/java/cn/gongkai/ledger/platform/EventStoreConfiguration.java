package cn.gongkai.ledger.platform;

import java.sql.SQLException;
import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
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
     * Axon's embedded event store as its auto-configuration makes it, but for how often it looks in the table for
     * events another instance appended: every 100 ms instead of every second ({@code fetchDelay}). Events this
     * instance appends reach its processors at once either way; with several instances on one database, a command
     * handled by one reached the Kafka publisher of another 0–1 s later (bench/service's lag at 500 events/s
     * written straight into the table: p50 ≈ 680 ms, p99 1.16–1.21 s). An idle instance pays one indexed query per
     * 100 ms. Declaring the store makes Axon's JDBC auto-configuration withdraw its storage engine as well, so
     * {@link #eventStorageEngine} is its own, made the same way.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(OTHER_INSTANCES_EVENTS_FETCH_DELAY.toMillis())
                .build();
    }

    static final Duration OTHER_INSTANCES_EVENTS_FETCH_DELAY = Duration.ofMillis(100);

    /** Axon's JDBC storage engine as {@code JdbcAutoConfiguration} makes it (which withdraws it beside our store). */
    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer serializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

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
