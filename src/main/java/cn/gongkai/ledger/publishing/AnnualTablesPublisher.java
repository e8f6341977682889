package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.disputes.events.DisputeCorrected;
import cn.gongkai.ledger.disputes.events.DisputeDecided;
import cn.gongkai.ledger.disputes.events.DisputeFiled;
import cn.gongkai.ledger.disputes.events.DisputeWithdrawn;
import cn.gongkai.ledger.processing.ProcessorProgress;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.InputBounds;
import cn.gongkai.ledger.requests.events.ApplicantCategoryCorrected;
import cn.gongkai.ledger.requests.events.OutcomeCorrected;
import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.statistics.AnnualTables;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Source;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.Reconciliation;
import cn.gongkai.ledger.statistics.ReconciliationFailure;
import cn.gongkai.ledger.statistics.events.YearClosed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Publishes the current part 三 and part 四 of every agency-year whose tables an event changed to
 * the compacted topic {@value AnnualTablesMessages#TOPIC} (key {@code agencyId:year}).
 *
 * <p><b>Which agency-years.</b> Carried over and carried forward are running balances, so a change
 * dated in year Y changes every later year too: a receipt or a category correction changes its
 * receipt year and every year after it up to the current one; a conclusion its conclusion year and
 * every later year; an outcome correction only its conclusion year; a year close only that year's
 * {@code closed}. A dispute filed in F changes part 四 (PENDING) of F and every later year, and so
 * do its decision and its withdrawal; a correction changes them from the earlier of its filing
 * years before and after.
 *
 * <p><b>Why the message reflects the event.</b> The tables are read from {@link AnnualTables} and
 * {@link Part4Source}, whose read models the {@code annual-tables} and {@code dispute-tables}
 * processors keep, and which may lag behind this processor. Before the batch's unit of work commits,
 * the publisher waits until each of those processors has processed the batch's last event that it
 * counts: their tokens are committed with their changes, so once the token has passed the event
 * (and does not list it as a gap) the tables include it. Only then are they read and sent. A
 * message may include later events too; those send their own message after it, and tables only
 * move forward, so the latest record of a key is always the current table. If a projection does
 * not catch up within {@code gongkai.kafka.annual-tables.projection-wait}, the batch fails and is
 * processed again after a back-off. (Computing the message in the {@code annual-tables} processor
 * itself was not chosen: a Kafka outage would then hold back the statistics the staff see.)
 *
 * <p><b>Acknowledged before the token moves.</b> As in {@link KafkaPublisher}, the sends of a batch
 * are awaited before its token commits; a failure rolls the batch back and it is sent again (at
 * least once; on a compacted topic a repeated record is harmless). One segment keeps the records of a
 * key in the order the tables changed.
 */
@Component
@ProcessingGroup(AnnualTablesPublisher.PROCESSING_GROUP)
class AnnualTablesPublisher {

    static final String PROCESSING_GROUP = "annual-tables-publisher";
    static final String ANNUAL_TABLES = "annual-tables";
    static final String DISPUTE_TABLES = "dispute-tables";

    private static final Logger log = LoggerFactory.getLogger(AnnualTablesPublisher.class);
    private static final String BATCH = AnnualTablesPublisher.class.getName() + ".batch";
    private static final int REMEMBERED = 50_000;

    private final Producer<String, byte[]> producer;
    private final AnnualTables tables;
    private final ObjectProvider<Part4Source> part4Source;
    private final ProcessorProgress progress;
    private final AnnualTablesTopic topic;
    private final EventStore eventStore;
    private final Clock clock;
    private final Duration projectionWait;
    private final AnnualTablesMessages messages;
    /** Receipt and conclusion of applications and filing of disputes seen lately; the event store has the rest. */
    private final Map<UUID, Facts> facts = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Facts> eldest) {
            return size() > REMEMBERED;
        }
    };

    AnnualTablesPublisher(Producer<String, byte[]> producer, AnnualTables tables,
                          ObjectProvider<Part4Source> part4Source, ProcessorProgress progress,
                          AnnualTablesTopic topic, EventStore eventStore, Clock clock, PublishingProperties settings,
                          @Value("${gongkai.kafka.annual-tables.projection-wait:30s}") Duration projectionWait) {
        this.producer = producer;
        this.tables = tables;
        this.part4Source = part4Source;
        this.progress = progress;
        this.topic = topic;
        this.eventStore = eventStore;
        this.clock = clock;
        this.projectionWait = projectionWait;
        this.messages = new AnnualTablesMessages(settings.schemaBase());
    }

    @EventHandler
    void on(RequestReceived event, TrackingToken token) {
        remember(event.requestId(), new Facts(event.agencyId(), event.receivedOn(), null));
        batch().changedFrom(event.agencyId(), event.receivedOn().getYear()).after(ANNUAL_TABLES, token);
    }

    @EventHandler
    void on(RequestConcluded event, TrackingToken token) {
        Facts application = application(event.requestId());
        remember(event.requestId(), new Facts(application.agencyId(), application.startedOn(), event.concludedOn()));
        batch().changedFrom(application.agencyId(), event.concludedOn().getYear()).after(ANNUAL_TABLES, token);
    }

    @EventHandler
    void on(OutcomeCorrected event, TrackingToken token) {
        Facts application = application(event.requestId());
        LocalDate concludedOn = application.concludedOn();
        if (concludedOn == null) {
            application = factsFromStore(event.requestId());
            concludedOn = application.concludedOn();
        }
        Batch batch = batch().after(ANNUAL_TABLES, token);
        if (concludedOn != null) {
            batch.changed(application.agencyId(), concludedOn.getYear());
        }
    }

    @EventHandler
    void on(ApplicantCategoryCorrected event, TrackingToken token) {
        Facts application = application(event.requestId());
        batch().changedFrom(application.agencyId(), application.startedOn().getYear()).after(ANNUAL_TABLES, token);
    }

    @EventHandler
    void on(YearClosed event, TrackingToken token) {
        batch().changed(event.agencyId(), event.year()).after(ANNUAL_TABLES, token);
    }

    @EventHandler
    void on(DisputeFiled event, TrackingToken token) {
        remember(event.disputeId(), new Facts(event.agencyId(), event.filedOn(), null));
        batch().changedFrom(event.agencyId(), event.filedOn().getYear()).after(DISPUTE_TABLES, token);
    }

    @EventHandler
    void on(DisputeDecided event, TrackingToken token) {
        Facts dispute = dispute(event.disputeId());
        int from = dispute == null ? event.decidedOn().getYear() : dispute.startedOn().getYear();
        batch().changedFrom(event.agencyId(), Math.min(from, event.decidedOn().getYear()))
                .after(DISPUTE_TABLES, token);
    }

    /** Part 四 changes from the earlier of the filing years before and after the correction. */
    @EventHandler
    void on(DisputeCorrected event, TrackingToken token) {
        remember(event.disputeId(), new Facts(event.agencyId(), event.filedOn(), null));
        int from = Math.min(event.previousFiledOn().getYear(), event.filedOn().getYear());
        batch().changedFrom(event.agencyId(), from).after(DISPUTE_TABLES, token);
    }

    @EventHandler
    void on(DisputeWithdrawn event, TrackingToken token) {
        batch().changedFrom(event.agencyId(), event.filedOn().getYear()).after(DISPUTE_TABLES, token);
    }

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> publish(batch));
            return batch;
        });
    }

    /** Waits for the projections, reads the tables of every changed agency-year, sends them, awaits the acks. */
    private void publish(Batch batch) {
        batch.awaited.forEach(this::awaitProjection);
        topic.ensure();
        int currentYear = BusinessClock.today(clock).getYear();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        batch.changes(currentYear).forEach((agencyId, years) -> years.forEach(year ->
                sends.add(producer.send(record(agencyId, year)))));
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw notPublished(sends.size(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notPublished(sends.size(), e);
            }
        }
    }

    private void awaitProjection(String processor, long globalIndex) {
        long deadline = System.nanoTime() + projectionWait.toNanos();
        while (!progress.hasProcessed(processor, globalIndex)) {
            if (System.nanoTime() > deadline) {
                throw new ProjectionBehind(processor, globalIndex, projectionWait);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProjectionBehind(processor, globalIndex, projectionWait);
            }
        }
    }

    private org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record(String agencyId, int year) {
        Part3Table part3 = tables.part3(agencyId, year);
        Part3Table previous = tables.part3(agencyId, year - 1);
        List<ReconciliationFailure> failures = new ArrayList<>(Reconciliation.check(part3, previous));
        Part4Source source = part4Source.getIfAvailable();
        Part4Table part4 = Part4Table.empty(agencyId, year);
        if (source != null) {
            part4 = new Part4Table(agencyId, year, source.part4(List.of(agencyId), year).cells());
            for (String message : source.check(part4)) {
                int slash = message.indexOf(" / ");
                failures.add(new ReconciliationFailure("Part4TotalIsSumOfResults",
                        slash < 0 ? message : message.substring(0, slash),
                        slash < 0 ? message : message.substring(slash + 3), List.of(), List.of()));
            }
        }
        return messages.record(part3, part4, failures, clock.instant());
    }

    private NotPublished notPublished(int size, Throwable cause) {
        log.warn("Kafka did not acknowledge {} annual-tables messages ({}); the batch is rolled back and will be"
                + " sent again", size, cause.toString());
        return new NotPublished(size, cause);
    }

    private Facts application(UUID requestId) {
        Facts known = remembered(requestId);
        if (known != null) {
            return known;
        }
        Facts fromStore = factsFromStore(requestId);
        remember(requestId, fromStore);
        return fromStore;
    }

    /** Agency, receipt and conclusion date of an application, from its own events. */
    private Facts factsFromStore(UUID requestId) {
        DomainEventStream events = eventStore.readEvents(requestId.toString());
        if (!events.hasNext() || !(events.next().getPayload() instanceof RequestReceived received)) {
            throw new IllegalStateException("no RequestReceived for application " + requestId);
        }
        LocalDate concludedOn = null;
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof RequestConcluded concluded) {
                concludedOn = concluded.concludedOn();
            }
        }
        return new Facts(received.agencyId(), received.receivedOn(), concludedOn);
    }

    private Facts dispute(UUID disputeId) {
        Facts known = remembered(disputeId);
        if (known != null) {
            return known;
        }
        DomainEventStream events = eventStore.readEvents(disputeId.toString());
        Optional<Facts> filed = events.hasNext() && events.next().getPayload() instanceof DisputeFiled f
                ? Optional.of(new Facts(f.agencyId(), f.filedOn(), null)) : Optional.empty();
        // the filing date as the latest correction left it
        while (filed.isPresent() && events.hasNext()) {
            if (events.next().getPayload() instanceof DisputeCorrected corrected) {
                filed = Optional.of(new Facts(corrected.agencyId(), corrected.filedOn(), null));
            }
        }
        filed.ifPresent(facts -> remember(disputeId, facts));
        return filed.orElse(null);
    }

    private Facts remembered(UUID id) {
        synchronized (facts) {
            return facts.get(id);
        }
    }

    private void remember(UUID id, Facts known) {
        synchronized (facts) {
            facts.put(id, known);
        }
    }

    /** What decides the years an event touches: agency, receipt (or filing) date, conclusion date. */
    private record Facts(String agencyId, LocalDate startedOn, LocalDate concludedOn) {
    }

    /** The agency-years one batch changed, and the last event each projection must have processed first. */
    static final class Batch {

        private final Map<String, TreeSet<Integer>> years = new TreeMap<>();
        private final Map<String, Integer> fromYear = new TreeMap<>();
        private final Map<String, Long> awaited = new TreeMap<>();

        Batch changed(String agencyId, int year) {
            years.computeIfAbsent(agencyId, a -> new TreeSet<>()).add(year);
            return this;
        }

        /** Year {@code year} and every later one up to the current year. */
        Batch changedFrom(String agencyId, int year) {
            fromYear.merge(agencyId, year, Math::min);
            return this;
        }

        Batch after(String processor, TrackingToken token) {
            awaited.merge(processor, ProcessorProgress.globalIndex(token), Math::max);
            return this;
        }

        Map<String, TreeSet<Integer>> changes(int currentYear) {
            Map<String, TreeSet<Integer>> all = new TreeMap<>();
            years.forEach((agency, set) -> all.computeIfAbsent(agency, a -> new TreeSet<>()).addAll(set));
            fromYear.forEach((agency, stored) -> {
                TreeSet<Integer> set = all.computeIfAbsent(agency, a -> new TreeSet<>());
                // an event stored before the edge bounded dates may carry the year -999999999: the loop
                // stays within the years the API accepts (issue 9), never a set of 10^9 years
                int from = InputBounds.clampYear(stored, currentYear);
                for (int year = from; year <= Math.max(from, currentYear); year++) {
                    set.add(year);
                }
            });
            return all;
        }
    }

    /** A projection the message is read from has not yet processed an event of the batch. */
    static final class ProjectionBehind extends RuntimeException {

        ProjectionBehind(String processor, long globalIndex, Duration waited) {
            super("the " + processor + " processor has not processed event #" + globalIndex + " within " + waited
                    + "; the batch is processed again later");
        }
    }

    /** A batch of annual-tables messages Kafka did not acknowledge completely; its token does not move. */
    static final class NotPublished extends RuntimeException {

        NotPublished(int size, Throwable cause) {
            super("Kafka did not acknowledge a batch of " + size + " annual-tables messages", cause);
        }
    }
}
