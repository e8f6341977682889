package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.statistics.AnnualTables;
import cn.gongkai.ledger.statistics.AnnualTablesChanges;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Source;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.Reconciliation;
import cn.gongkai.ledger.statistics.ReconciliationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays the annual tables' outbox to the compacted topic {@value AnnualTablesMessages#TOPIC} (key
 * {@code agencyId:year}, docs/adr/0017). Statistics announces which agency-years changed
 * ({@link AnnualTablesChanges}, written by the projections in the transaction of their counters);
 * this relay only reads those rows, reads the current tables of those agency-years, sends them and,
 * once Kafka has acknowledged every send, marks the rows published. A failed send leaves the rows for
 * the next round (at least once; on a compacted topic a repeated record is harmless).
 *
 * <p>Several instances: each round runs in a transaction that first takes a transaction-scoped advisory
 * lock; an instance that does not get it skips the round. One instance sends at a time, so the records
 * of a key follow the order in which its tables changed, and the latest record of a key is always its
 * current table.
 */
@Component
class AnnualTablesRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnnualTablesRelay.class);

    private final AnnualTablesChanges changes;
    private final AnnualTables tables;
    private final ObjectProvider<Part4Source> part4Source;
    private final Producer<String, byte[]> producer;
    private final AnnualTablesTopic topic;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AnnualTablesMessages messages;
    private final PublishingProperties.AnnualTables settings;
    private ScheduledExecutorService executor;
    private Duration pause;

    AnnualTablesRelay(AnnualTablesChanges changes, AnnualTables tables, ObjectProvider<Part4Source> part4Source,
                      Producer<String, byte[]> producer, AnnualTablesTopic topic,
                      PlatformTransactionManager transactionManager, Clock clock, PublishingProperties properties) {
        this.changes = changes;
        this.tables = tables;
        this.part4Source = part4Source;
        this.producer = producer;
        this.topic = topic;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.messages = new AnnualTablesMessages(properties.schemaBase());
        this.settings = properties.annualTables();
        this.pause = settings.pollInterval();
    }

    /**
     * One round: takes the turn, reads the oldest changes, sends the tables of their agency-years, awaits
     * the acknowledgements, marks the changes published, all in one transaction.
     *
     * @return the number of changes published; 0 when there were none or another instance had the turn
     */
    int relay() {
        Integer published = transactions.execute(status -> {
            if (!changes.takeTurn()) {
                return 0;
            }
            List<AnnualTablesChanges.Change> pending = changes.pending(settings.batchSize());
            if (pending.isEmpty()) {
                return 0;
            }
            topic.ensure();
            int currentYear = BusinessClock.today(clock).getYear();
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (Map.Entry<String, TreeSet<Integer>> agency
                    : AnnualTablesChanges.agencyYears(pending, currentYear).entrySet()) {
                for (int year : agency.getValue()) {
                    sends.add(producer.send(record(agency.getKey(), year)));
                }
            }
            producer.flush();
            awaitAcknowledgements(sends);
            changes.published(pending);
            return pending.size();
        });
        return published == null ? 0 : published;
    }

    private ProducerRecord<String, byte[]> record(String agencyId, int year) {
        Part3Table part3 = tables.part3(agencyId, year);
        List<ReconciliationFailure> failures = new ArrayList<>(Reconciliation.check(part3,
                tables.part3(agencyId, year - 1)));
        Part4Table part4 = Part4Table.empty(agencyId, year);
        Part4Source source = part4Source.getIfAvailable();
        if (source != null) {
            part4 = new Part4Table(agencyId, year, source.part4(List.of(agencyId), year).cells());
            failures.addAll(source.check(part4));
        }
        return messages.record(part3, part4, failures, clock.instant());
    }

    private static void awaitAcknowledgements(List<Future<RecordMetadata>> sends) {
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw new NotPublished(sends.size(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotPublished(sends.size(), e);
            }
        }
    }

    /** Relays while there is something to relay, then looks again after the poll interval; backs off after a failure. */
    private void round() {
        try {
            while (relay() == settings.batchSize()) {
                // a full batch: there may be more
            }
            pause = settings.pollInterval();
        } catch (RuntimeException e) {
            log.warn("The annual tables were not published ({}); trying again in {}", e.toString(), pause);
            Duration next = pause.multipliedBy(2);
            pause = next.compareTo(settings.maxBackOff()) > 0 ? settings.maxBackOff() : next;
        }
        ScheduledExecutorService running = executor;
        if (running != null && !running.isShutdown()) {
            running.schedule(this::round, pause.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "annual-tables-relay");
                thread.setDaemon(true);
                return thread;
            });
            executor.schedule(this::round, 0, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** A round of annual-tables messages Kafka did not acknowledge completely; its changes stay unpublished. */
    static final class NotPublished extends RuntimeException {

        NotPublished(int size, Throwable cause) {
            super("Kafka did not acknowledge a batch of " + size + " annual-tables messages", cause);
        }
    }
}
