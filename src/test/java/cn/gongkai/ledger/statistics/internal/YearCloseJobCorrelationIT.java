package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.processing.ParkedLetters;
import org.springframework.beans.factory.ObjectProvider;
import static cn.gongkai.ledger.requests.ApplicationSteps.carriedFrom;
import static cn.gongkai.ledger.requests.ApplicationSteps.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.access.AgencyDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** One run of the nightly year close is one correlation id, down to every application it carries forward. */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=year-close-job")
class YearCloseJobCorrelationIT {

    /** The service, signed in per call (LedgerIntegrationExtension). */
    Api api;

    @Autowired
    CommandGateway commands;

    @Autowired
    ObjectProvider<ParkedLetters> parkedLetters;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    EventStore eventStore;

    @Test
    void theSweepsCarriedForwardEventsCarryTheJobRunsCorrelationId() {
        // given an application received in 2024 and still open
        String open = register(api, LocalDate.of(2024, 10, 8));

        // when the nightly job runs on the first night of 2025
        Clock newYear = Clock.fixed(OffsetDateTime.parse("2025-01-01T00:30:00+08:00").toInstant(), ZoneOffset.UTC);
        new YearClose(commands, agencies, newYear, true, parkedLetters).closeLastYearEverywhere();
        await().atMost(Duration.ofSeconds(30)).until(() -> carriedFrom(api, open).contains(2024));

        // then both agencies' closes and the carry-forward share one correlation id, the job's own
        DomainEventMessage<?> kaifaqu = events("kaifaqu:2024").getFirst();
        DomainEventMessage<?> yicheng = events("yicheng:2024").getFirst();
        DomainEventMessage<?> carried = events(open).getLast();
        Object job = kaifaqu.getMetaData().get(ActorMetaData.CORRELATION_ID);
        assertThat(job).isNotNull();
        assertThat(yicheng.getMetaData().get(ActorMetaData.CORRELATION_ID)).isEqualTo(job);
        assertThat(carried.getPayloadType().getSimpleName()).isEqualTo("RequestCarriedForward");
        assertThat(carried.getMetaData().get(ActorMetaData.CORRELATION_ID)).isEqualTo(job);
        assertThat(job).isNotEqualTo(events(open).getFirst().getMetaData().get(ActorMetaData.CORRELATION_ID));
        // and the close says why, the carry-forward (no action of its own that needs a reason) does not
        assertThat(kaifaqu.getMetaData()).containsEntry(ActorMetaData.REASON, "2024年度已结束，系统自动关闭")
                .containsEntry(ActorMetaData.USERNAME, "system:year-close");
        assertThat(carried.getMetaData()).doesNotContainKey(ActorMetaData.REASON);
    }

    private List<DomainEventMessage<?>> events(String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(events::add);
        return events;
    }
}
