package cn.gongkai.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Axon 4.13 on Boot 4 silently falls back to an in-memory store with a no-op transaction manager
 * when its auto-configuration runs before the DataSource. This fails if it ever does again.
 */
@LedgerIntegrationTest
class AxonWiringIT {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void eventsAndTokensAreInPostgresUnderSpringTransactions() {
        assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
        // Axon's Jackson serializer, wrapped so that personal data is stored encrypted (ADR 0009)
        assertThat(eventSerializer).isInstanceOf(cn.gongkai.ledger.platform.PersonalDataSerializer.class);
    }

    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;

    @Test
    void noEventProcessorDecryptsPersonalData() {
        assertThat(processing.eventProcessors()).isNotEmpty();
        for (String processor : processing.eventProcessors().keySet()) {
            assertThat(processing.interceptorsFor(processor))
                    .as(processor)
                    .hasAtLeastOneElementOfType(cn.gongkai.ledger.platform.WithholdPersonalData.class);
        }
    }

    @Test
    void projectionsStopOnAFailureInsteadOfSkippingTheEvent() {
        for (String processor : java.util.List.of("request-summary", "annual-tables", "dispute-tables",
                "integrity-chain", "personal-data-keys")) {
            assertThat(processing.listenerInvocationErrorHandler(processor))
                    .as(processor)
                    .isInstanceOf(org.axonframework.eventhandling.PropagatingErrorHandler.class);
        }
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void theOpenApiDescriptionIsServedAndCoversEveryCommand() {
        Api.Response docs = new Api(port).get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains(
                "/api/requests", "/api/requests/{requestId}", "/api/requests/{requestId}/correction-request",
                "/api/requests/{requestId}/correction-receipt", "/api/requests/{requestId}/consultation",
                "/api/requests/{requestId}/consultation/answer", "/api/requests/{requestId}/extension",
                "/api/requests/{requestId}/fee-notice", "/api/requests/{requestId}/fee-payment",
                "/api/requests/{requestId}/fee-waiver", "/api/requests/{requestId}/answer-draft",
                "/api/requests/{requestId}/answer-draft/approval", "/api/requests/{requestId}/answer-draft/return",
                "/api/requests/{requestId}/answer", "/api/requests/{requestId}/withdrawal",
                "/api/requests/{requestId}/lapse", "/api/requests/{requestId}/carry-forward",
                "/api/requests/{requestId}/outcome-correction", "/api/requests/{requestId}/category-correction",
                "/api/requests/{requestId}/archive", "/api/calendar/{year}");
    }
}
