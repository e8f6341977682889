package cn.gongkai.ledger.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.TestDatabase;
import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.ApplicantCategoryCorrected;
import cn.gongkai.ledger.requests.events.ApplicantDetails;
import cn.gongkai.ledger.requests.events.OutcomeCorrected;
import cn.gongkai.ledger.requests.events.RequestAnswered;
import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestLapsed;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.requests.events.RequestWithdrawn;
import cn.gongkai.ledger.requests.write.carryforward.CarryForward;
import cn.gongkai.ledger.statistics.AnnualTables;
import cn.gongkai.ledger.statistics.AnnualTablesChanges;
import cn.gongkai.ledger.statistics.AnnualTablesForTests;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Reconciliation;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import cn.gongkai.ledger.statistics.events.YearClosed;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The annual-tables projection, fed random histories of hundreds of applications on a real
 * PostgreSQL, gives for every agency and year exactly the part 三 table that "what counts where"
 * (annual-report-format.md) gives when applied literally, one application at a time, to the same
 * histories; every table, and every roll-up of the agencies, reconciles.
 *
 * <p>The histories are what the aggregate allows: a conclusion on or after receipt, possibly years
 * later or never; outcome corrections only of concluded applications, to a different outcome, and to
 * a lapse outcome only for a lapsed one; category corrections before or after the conclusion; late
 * registrations; year closes anywhere in the stream. Each application's events keep their order and
 * their sequence numbers (from 0, with gaps for the events the projection ignores); the applications
 * and the year closes are interleaved at random.
 *
 * <p>Events go in to the projection and to the {@link YearEndSweep} beside it, as live processing
 * ({@link ReplayStatus#REGULAR}), so the year-close sweep runs too. Its {@link CommandGateway} only records: the carry-forwards it asks for are
 * compared with the ones a plain walk through the same stream expects, so that this part of the
 * projection is checked as well instead of being switched off by pretending to replay.
 *
 * <p>Each random history comes from one seed ({@link SplittableRandom}), so any failure replays from
 * the seed its message names: {@code -Dgongkai.property.seeds=<seed> -Dgongkai.property.tries=0}. The
 * default run is {@link #FIXED_SEEDS}; {@code -Dgongkai.property.tries=200} runs that many histories
 * (the fixed seeds, then fresh ones, each named in the test's display name) for a deeper local run,
 * and {@code -Dgongkai.property.seeds=1,2,3} adds those seeds. There is no shrinking: the small
 * histories that shrinking used to end at are kept as fixed minimal cases, and the fixed seeds are
 * checked to reach the rarer cases often enough.
 */
class AnnualTablesPropertyTest {

    private static final List<String> AGENCIES = List.of("kaifaqu", "yicheng", "xiping");
    private static final LocalDate FIRST_RECEIPT = LocalDate.of(2021, 1, 1);
    private static final LocalDate LAST_RECEIPT = LocalDate.of(2025, 12, 31);
    private static final int FIRST_CLOSABLE_YEAR = 2021;
    private static final int LAST_CLOSABLE_YEAR = 2025;
    /** A year before the first receipt (all zero) up to the years that only late conclusions reach. */
    private static final int FIRST_YEAR = 2020;
    private static final int LAST_YEAR = 2029;
    private static final int MAX_AMENDMENTS = 4;
    /** Receipt, the amendments and the conclusion: the most events one application can have here. */
    private static final int MAX_EVENTS = MAX_AMENDMENTS + 2;
    private static final int MAX_KEY = 1_000_000;
    /** When the first event of a history was recorded; each next one a second later. */
    private static final Instant RECORDED_FROM = Instant.parse("2026-01-05T02:00:00Z");

    /**
     * The default tries: fixed, so that every run checks the same 25 histories. They are plain random
     * numbers; {@link #theFixedSeedsReachTheRareCases()} shows that they reach what they should.
     */
    static final List<Long> FIXED_SEEDS = List.of(
            4410262292279191838L, 1849816236973320616L, 1942257542673964728L, 1963276731801068491L,
            4272291242138051639L, 1332434052075548823L, 673126513396506228L, 515193322984040242L,
            4299083682322113102L, 1503728562234759242L, 4064773953501038880L, 3122005797772658246L,
            4349615983974868646L, 858096077446274235L, 3276115989740543336L, 2205378484993522653L,
            1592481001093672572L, 2061829700490571890L, 4435847253570526549L, 3157672493623228756L,
            4022339587862487590L, 1335680091832851515L, 1933154475023909443L, 2956614529756858052L,
            2359750347472956916L);
    /** The rarer cases must really be generated: in at least this many of the fixed seeds' histories. */
    private static final int MIN_COVERAGE = 5;
    static final String SEEDS_PROPERTY = "gongkai.property.seeds";
    static final String TRIES_PROPERTY = "gongkai.property.tries";

    private static SingleConnectionDataSource dataSource;
    private static JdbcClient jdbc;
    /** What the random histories of this run looked like, counted per label and reported at the end. */
    private static final Map<String, Map<Object, Integer>> STATISTICS = new TreeMap<>();
    private static int historiesChecked;

    @BeforeAll
    static void createDatabase() {
        // one connection: the projection's statements run one after another anyway, and a pool
        // would only add hand-overs to every one of the thousands of statements per try
        String url = TestDatabase.newDatabaseUrl();
        TestDatabase.migrate(url);
        dataSource = new SingleConnectionDataSource(url, TestDatabase.SERVICE_ROLE, TestDatabase.SERVICE_PASSWORD, true);
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.destroy();
        if (historiesChecked > 0) {
            System.out.println("[AnnualTablesPropertyTest] " + historiesChecked + " random histories: " + STATISTICS);
        }
    }

    // the uniform sizes give a quarter of small histories; most tries have hundreds of applications
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyTableIsWhatCountsWhereSaysAndReconciles(long seed) {
        HistorySpec spec = Generator.history(seed);
        collectStatistics(History.of(spec));
        check(spec, "seed " + seed + " (replay: -D" + SEEDS_PROPERTY + "=" + seed + " -D" + TRIES_PROPERTY + "=0)");
    }

    /**
     * The fixed seeds, or as many tries as {@code gongkai.property.tries} asks for (the fixed seeds
     * first, then fresh random ones), followed by the seeds {@code gongkai.property.seeds} lists.
     */
    static Stream<Long> seeds() {
        int tries = Integer.parseInt(System.getProperty(TRIES_PROPERTY, String.valueOf(FIXED_SEEDS.size())).trim());
        List<Long> seeds = new ArrayList<>(FIXED_SEEDS.subList(0, Math.min(tries, FIXED_SEEDS.size())));
        SplittableRandom fresh = new SplittableRandom();
        while (seeds.size() < tries) {
            seeds.add(fresh.nextLong() & Long.MAX_VALUE);
        }
        for (String seed : System.getProperty(SEEDS_PROPERTY, "").split(",")) {
            if (!seed.isBlank()) {
                seeds.add(Long.parseLong(seed.trim()));
            }
        }
        return seeds.stream();
    }

    // ---- minimal cases: the small histories that shrinking used to end at ------------------------

    @Test
    void anOutcomeCorrectedInALaterYearThanTheReceipt() {
        // received 2021-01-01, DISCLOSED on 2022-01-01, corrected to PARTIALLY_DISCLOSED
        HistorySpec spec = new HistorySpec(2, List.of(
                minimalApplication(0, 0, new ConclusionSpec(Ending.ANSWERED, Outcome.DISCLOSED, 365),
                        List.of(new OutcomeAmendment(Outcome.PARTIALLY_DISCLOSED)), 0)),
                List.of());
        check(spec, "minimal case: outcome corrected a year after receipt");
    }

    /**
     * The projection holds its writes until the transaction commits (platform.HeldWrites): a receipt delivered
     * again, in the same transaction or a later one, still counts once, and a conclusion in the same transaction
     * as its receipt finds the application.
     */
    @Test
    void aReceiptDeliveredAgainCountsOnceWhetherItsWritesWereHeldOrNot() {
        AnnualTablesProjection projection = new AnnualTablesProjection(jdbc, new NamedParameterJdbcTemplate(dataSource),
                new AnnualTablesChanges(jdbc), JsonMapper.builder().build());
        projection.reset();
        ApplicationEvents made = ApplicationEvents.of(0, minimalApplication(0, 0,
                new ConclusionSpec(Ending.ANSWERED, Outcome.DISCLOSED, 10), List.of(), 0), AGENCIES.subList(0, 1));
        RequestReceived received = (RequestReceived) made.events().get(0);
        RequestConcluded concluded = (RequestConcluded) made.events().get(1);
        EventMessage<?> receipt = new GenericEventMessage<>("receipt", received, MetaData.emptyInstance(), RECORDED_FROM);
        EventMessage<?> conclusion = new GenericEventMessage<>("conclusion", concluded, MetaData.emptyInstance(),
                RECORDED_FROM.plusSeconds(1));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        transaction.executeWithoutResult(status -> {
            projection.on(received, 0, receipt);
            projection.on(received, 0, receipt);
            projection.on(concluded, made.sequenceNumbers().get(1), conclusion);
        });
        transaction.executeWithoutResult(status -> projection.on(received, 0, receipt));

        Part3Table table = AnnualTablesForTests.on(jdbc).part3(received.agencyId(), received.receivedOn().getYear());
        assertThat(table.cell(TableRow.RECEIVED, TableColumn.TOTAL)).isEqualTo(1);
        assertThat(table.cell(TableRow.of(Outcome.DISCLOSED), TableColumn.TOTAL)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from statistics_count_change where event_id = 'receipt'")
                .query(Long.class).single()).as("the change log of the receipt: its two counters, once").isEqualTo(2);
    }

    @Test
    void aCategoryCorrectedAfterAnOutcomeCorrection() {
        HistorySpec spec = new HistorySpec(2, List.of(
                minimalApplication(0, 0, new ConclusionSpec(Ending.ANSWERED, Outcome.DISCLOSED, 365),
                        List.of(new OutcomeAmendment(Outcome.PARTIALLY_DISCLOSED),
                                new CategoryAmendment(ApplicantCategory.COMMERCIAL_ENTERPRISE, false)), 0)),
                List.of());
        assertThat(History.of(spec).categoryAfterOutcome()).as("the case is what it says").isTrue();
        check(spec, "minimal case: category corrected after an outcome correction");
    }

    @Test
    void aRegistrationIntoAnAlreadyClosedYear() {
        // received 2021-03-01, registered 2022-04-05 after 2021 was closed, answered in 2022, corrected
        HistorySpec spec = new HistorySpec(2, List.of(
                minimalApplication(59, 400, new ConclusionSpec(Ending.ANSWERED, Outcome.DISCLOSED, 420),
                        List.of(new OutcomeAmendment(Outcome.WITHHELD_STATE_SECRET)), 1)),
                List.of(new YearCloseSpec(0, 2021, 0)));
        assertThat(History.of(spec).expectedCarryForwards().lateRegistrations()).as("the case is what it says")
                .hasSize(1);
        check(spec, "minimal case: registration into an already closed year");
    }

    @Test
    void anOpenApplicationSweptByAYearCloseThenConcludedAndCorrected() {
        // received 2021-06-01; 2021 closed while it is open; lapsed in 2022, then corrected to the other lapse
        ApplicationSpec open = minimalApplication(151, 0,
                new ConclusionSpec(Ending.LAPSED, Outcome.OTHER_FEE_NOT_PAID, 300),
                List.of(new OutcomeAmendment(Outcome.OTHER_CORRECTION_NOT_SUBMITTED)), 1);
        HistorySpec spec = new HistorySpec(2, List.of(open), List.of(new YearCloseSpec(0, 2021, 2)));
        assertThat(History.of(spec).expectedCarryForwards().sweeps()).as("the case is what it says").hasSize(1);
        check(spec, "minimal case: open application swept by a year close, concluded and corrected later");
    }

    /** One application of agency 0, a natural person, whose events take the odd keys 1, 3, 5, ... */
    private static ApplicationSpec minimalApplication(int receiptDay, int registrationDelay, ConclusionSpec conclusion,
                                                      List<Amendment> amendments, int sequenceGap) {
        return new ApplicationSpec(0, ApplicantCategory.NATURAL_PERSON, receiptDay, registrationDelay, conclusion,
                amendments, sequenceGap, IntStream.range(0, MAX_EVENTS).mapToObj(e -> 2 * e + 1).toList());
    }

    // ---- coverage: the rarer cases are really generated --------------------------------------------

    /** Generates the fixed seeds' histories (no database) and counts how many reach the rarer cases. */
    @Test
    void theFixedSeedsReachTheRareCases() {
        int lateRegistrations = 0;
        int categoryAfterOutcome = 0;
        for (long seed : FIXED_SEEDS) {
            History history = History.of(Generator.history(seed));
            lateRegistrations += history.expectedCarryForwards().lateRegistrations().isEmpty() ? 0 : 1;
            categoryAfterOutcome += history.categoryAfterOutcome() ? 1 : 0;
        }
        assertThat(lateRegistrations).as("fixed seeds with a registration into an already closed year")
                .isGreaterThanOrEqualTo(MIN_COVERAGE);
        assertThat(categoryAfterOutcome).as("fixed seeds with a category corrected after an outcome correction")
                .isGreaterThanOrEqualTo(MIN_COVERAGE);
    }

    /** The projection against the plain count, for one history; {@code label} names it in every failure. */
    private static void check(HistorySpec spec, String label) {
        History history = History.of(spec);
        RecordingGateway commands = new RecordingGateway();
        List<String> differences = new ArrayList<>();
        List<String> unreconciled = new ArrayList<>();
        try {
            // the mapper only serves ReportPublished, which these histories do not contain
            AnnualTablesProjection projection = new AnnualTablesProjection(jdbc,
                    new NamedParameterJdbcTemplate(dataSource), new AnnualTablesChanges(jdbc), JsonMapper.builder().build());
            YearEndSweep sweep = new YearEndSweep(jdbc, new NamedParameterJdbcTemplate(dataSource), commands.gateway());
            // every try starts from empty tables, through the projection's and the sweep's own reset handlers
            projection.reset();
            sweep.reset();

            // in transactions of 1 to 100 events, as a processor's batches: the projection holds its writes until
            // each commits (platform.HeldWrites)
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            Random batches = new Random(label.hashCode());
            for (int start = 0; start < history.stream().size(); ) {
                int end = Math.min(history.stream().size(), start + 1 + batches.nextInt(100));
                int from = start;
                transaction.executeWithoutResult(status -> {
                    for (int position = from; position < end; position++) {
                        history.stream().get(position).feedTo(projection, sweep, RECORDED_FROM.plusSeconds(position));
                    }
                });
                start = end;
            }

            AnnualTables tables = AnnualTablesForTests.on(jdbc);
            Map<String, Map<Integer, Part3Table>> plainTables = new LinkedHashMap<>();
            for (String agency : history.agencies()) {
                Part3Table previous = null;
                for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                    Part3Table projected = tables.part3(agency, year);
                    Part3Table plain = plainPart3(agency, history.applicationsOf(agency), year,
                            history.closed(agency, year));
                    plainTables.computeIfAbsent(agency, a -> new HashMap<>()).put(year, plain);
                    differences.addAll(differences(projected, plain));
                    unreconciled.addAll(failures(projected, previous));
                    previous = projected;
                }
            }
            Part3Table previousRollUp = null;
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                Part3Table rollUp = tables.part3("all", history.agencies(), year);
                int y = year;
                Part3Table sum = sum("all", year, history.agencies().stream().allMatch(a -> history.closed(a, y)),
                        plainTables.values().stream().map(byYear -> byYear.get(y)).toList());
                differences.addAll(differences(rollUp, sum));
                unreconciled.addAll(failures(rollUp, previousRollUp));
                previousRollUp = rollUp;
            }
        } catch (RuntimeException e) {
            throw new AssertionError(label + ": " + e, e);
        }

        assertThat(differences).as("%s: cells where the projection and the plain count differ", label).isEmpty();
        assertThat(unreconciled).as("%s: reconciliation failures of the projected tables", label).isEmpty();
        assertThat(commands.carriedForward()).as("%s: carry-forwards the projection asked for", label)
                .containsExactlyInAnyOrderElementsOf(history.expectedCarryForwards().all());
    }

    // ---- the plain count: "what counts where", literally ------------------------------------------

    /** Part 三 of one agency and year, counted application by application from their final state. */
    private static Part3Table plainPart3(String agency, List<Application> applications, int year, boolean closed) {
        Part3Table.Builder table = Part3Table.builder(agency, year, closed);
        for (Application application : applications) {
            for (TableColumn column : List.of(TableColumn.of(application.category()), TableColumn.TOTAL)) {
                if (application.receivedOn().getYear() == year) {
                    table.add(TableRow.RECEIVED, column, 1);
                }
                if (application.openAtEndOf(year - 1)) {
                    table.add(TableRow.CARRIED_OVER, column, 1);
                }
                if (application.concludedOn() != null && application.concludedOn().getYear() == year) {
                    table.add(TableRow.of(application.outcome()), column, 1);
                    table.add(TableRow.RESOLVED_TOTAL, column, 1);
                }
                if (application.openAtEndOf(year)) {
                    table.add(TableRow.CARRIED_FORWARD, column, 1);
                }
            }
        }
        return table.build();
    }

    private static Part3Table sum(String label, int year, boolean closed, Collection<Part3Table> tables) {
        Part3Table.Builder sum = Part3Table.builder(label, year, closed);
        for (Part3Table table : tables) {
            for (TableRow row : TableRow.values()) {
                for (TableColumn column : TableColumn.values()) {
                    sum.add(row, column, table.cell(row, column));
                }
            }
        }
        return sum.build();
    }

    private static List<String> differences(Part3Table projected, Part3Table plain) {
        String table = projected.agencyId() + " " + projected.year();
        List<String> differences = new ArrayList<>();
        if (projected.closed() != plain.closed()) {
            differences.add(table + " closed: projection " + projected.closed() + ", plain " + plain.closed());
        }
        for (TableRow row : TableRow.values()) {
            for (TableColumn column : TableColumn.values()) {
                if (projected.cell(row, column) != plain.cell(row, column)) {
                    differences.add(table + " " + Reconciliation.cell(row, column) + ": projection "
                            + projected.cell(row, column) + ", plain count " + plain.cell(row, column));
                }
            }
        }
        return differences;
    }

    private static List<String> failures(Part3Table table, Part3Table previous) {
        return Reconciliation.check(table, previous).stream()
                .map(failure -> table.agencyId() + " " + table.year() + " " + failure.rule() + ": "
                        + failure.messageEn())
                .toList();
    }

    private static void collectStatistics(History history) {
        int size = history.applications().size();
        collect("applications", size < 100 ? "1-99" : size < 200 ? "100-199" : size < 300 ? "200-299" : "300-400");
        collect("agencies", history.agencies().size());
        collect("registered into an already closed year", !history.expectedCarryForwards().lateRegistrations().isEmpty());
        collect("category corrected after an outcome correction", history.categoryAfterOutcome());
        historiesChecked++;
    }

    private static void collect(String label, Object value) {
        STATISTICS.computeIfAbsent(label, l -> new TreeMap<>()).merge(value, 1, Integer::sum);
    }

    // ---- the generator: facts, not yet events ------------------------------------------------------

    /**
     * One random history per seed, with the distributions the generators always had: 2 or 3 agencies;
     * 1 to 400 applications and 0 to 12 year closes, both uniform; receipts and stream keys uniform.
     */
    static final class Generator {

        private static final int RECEIPT_DAYS = (int) ChronoUnit.DAYS.between(FIRST_RECEIPT, LAST_RECEIPT);
        private static final List<Outcome> ANSWER_OUTCOMES =
                Arrays.stream(Outcome.values()).filter(Outcome::isAnswerOutcome).toList();
        private static final List<Outcome> LAPSE_OUTCOMES =
                List.of(Outcome.OTHER_CORRECTION_NOT_SUBMITTED, Outcome.OTHER_FEE_NOT_PAID);

        private final SplittableRandom random;

        private Generator(long seed) {
            this.random = new SplittableRandom(seed);
        }

        static HistorySpec history(long seed) {
            return new Generator(seed).history();
        }

        private HistorySpec history() {
            int agencyCount = between(2, AGENCIES.size());
            List<ApplicationSpec> applications = new ArrayList<>();
            for (int size = between(1, 400), i = 0; i < size; i++) {
                applications.add(application());
            }
            // year closes should not be rare
            List<YearCloseSpec> closes = new ArrayList<>();
            for (int size = between(0, 12), i = 0; i < size; i++) {
                closes.add(new YearCloseSpec(between(0, AGENCIES.size() - 1),
                        between(FIRST_CLOSABLE_YEAR, LAST_CLOSABLE_YEAR), between(0, MAX_KEY)));
            }
            return new HistorySpec(agencyCount, applications, closes);
        }

        private ApplicationSpec application() {
            int agency = between(0, AGENCIES.size() - 1);
            ApplicantCategory category = pick(List.of(ApplicantCategory.values()));
            int receiptDay = between(0, RECEIPT_DAYS);
            // nine in ten registered within 10 days, one in ten one to three years late
            int registrationDelay = random.nextInt(10) < 9 ? between(0, 10) : between(365, 3 * 365);
            // one in four never concluded
            ConclusionSpec conclusion = random.nextInt(4) == 0 ? null : conclusion();
            // six in ten without amendments, four in ten with 1 to 4
            List<Amendment> amendments = new ArrayList<>();
            if (random.nextInt(10) >= 6) {
                for (int size = between(1, MAX_AMENDMENTS), i = 0; i < size; i++) {
                    amendments.add(amendment());
                }
            }
            int sequenceGap = between(0, 3);
            List<Integer> keys = new ArrayList<>();
            for (int e = 0; e < MAX_EVENTS; e++) {
                keys.add(between(0, MAX_KEY));
            }
            return new ApplicationSpec(agency, category, receiptDay, registrationDelay, conclusion,
                    List.copyOf(amendments), sequenceGap, List.copyOf(keys));
        }

        /** Answered, withdrawn and lapsed 8 : 1 : 1; seven in ten within 60 days, three in ten within 3 years. */
        private ConclusionSpec conclusion() {
            int ending = random.nextInt(10);
            Outcome outcome = ending < 8 ? pick(ANSWER_OUTCOMES) : ending < 9 ? Outcome.OTHER_OTHER : pick(LAPSE_OUTCOMES);
            int daysAfterReceipt = random.nextInt(10) < 7 ? between(0, 60) : between(0, 3 * 365);
            return new ConclusionSpec(ending < 8 ? Ending.ANSWERED : ending < 9 ? Ending.WITHDRAWN : Ending.LAPSED,
                    outcome, daysAfterReceipt);
        }

        /** A category correction (before or after the conclusion) or an outcome correction, half and half. */
        private Amendment amendment() {
            return random.nextBoolean()
                    ? new CategoryAmendment(pick(List.of(ApplicantCategory.values())), random.nextBoolean())
                    : new OutcomeAmendment(pick(List.of(Outcome.values())));
        }

        /** Uniform, both ends included. */
        private int between(int min, int max) {
            return random.nextInt(min, max + 1);
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /**
     * A generated history. {@code agency} indexes are taken modulo {@code agencyCount}; amendments that
     * the aggregate would refuse (no change, an outcome correction of an open application, a lapse
     * outcome for one that did not lapse) are dropped when the events are made, which keeps every
     * generated value valid.
     */
    record HistorySpec(int agencyCount, List<ApplicationSpec> applications, List<YearCloseSpec> closes) {
    }

    /** {@code keys} place the application's events in the interleaved stream (sorted, one per event). */
    record ApplicationSpec(int agency, ApplicantCategory category, int receiptDay, int registrationDelay,
                           ConclusionSpec conclusion, List<Amendment> amendments, int sequenceGap,
                           List<Integer> keys) {
    }

    enum Ending { ANSWERED, WITHDRAWN, LAPSED }

    record ConclusionSpec(Ending ending, Outcome outcome, int daysAfterReceipt) {
    }

    sealed interface Amendment permits CategoryAmendment, OutcomeAmendment {
    }

    /** Before the conclusion (when there is one) or after it. */
    record CategoryAmendment(ApplicantCategory category, boolean beforeConclusion) implements Amendment {
    }

    record OutcomeAmendment(Outcome outcome) implements Amendment {
    }

    record YearCloseSpec(int agency, int year, int key) {
    }

    // ---- the history as events, and the facts the plain count needs -----------------------------------

    /** An application's final facts: what "what counts where" looks at. */
    record Application(UUID id, String agency, ApplicantCategory category, LocalDate receivedOn,
                       LocalDate concludedOn, Outcome outcome) {

        boolean openAtEndOf(int year) {
            LocalDate end = LocalDate.of(year, 12, 31);
            return !receivedOn.isAfter(end) && (concludedOn == null || concludedOn.isAfter(end));
        }
    }

    /** One event in the interleaved stream; {@code source} and {@code index} break ties of {@code key}. */
    record Step(int key, int source, int index, Object event, long sequenceNumber) {

        /** Hands the event to its handler, as the event store would: in a message recorded at {@code recordedAt}. */
        void feedTo(AnnualTablesProjection projection, YearEndSweep sweep, Instant recordedAt) {
            EventMessage<?> message = new GenericEventMessage<>(source + "/" + index, event, MetaData.emptyInstance(),
                    recordedAt);
            switch (event) {
                case RequestReceived e -> {
                    projection.on(e, sequenceNumber, message);
                    sweep.on(e, ReplayStatus.REGULAR);
                }
                case RequestConcluded e -> {
                    projection.on(e, sequenceNumber, message);
                    sweep.on(e);
                }
                case OutcomeCorrected e -> projection.on(e, sequenceNumber, message);
                case ApplicantCategoryCorrected e -> projection.on(e, sequenceNumber, message);
                case YearClosed e -> {
                    projection.on(e, message);
                    sweep.on(e, ReplayStatus.REGULAR);
                }
                default -> throw new IllegalStateException("not an event of this test: " + event);
            }
        }
    }

    /** A CarryForward the projection sent, or should send, with the agency of its actor. */
    record CarriedForward(UUID requestId, String agency, int fromYear) {
    }

    /** The carry-forwards expected from year-close sweeps, and from registrations into closed years. */
    record ExpectedCarryForwards(List<CarriedForward> sweeps, List<CarriedForward> lateRegistrations) {

        List<CarriedForward> all() {
            List<CarriedForward> all = new ArrayList<>(sweeps);
            all.addAll(lateRegistrations);
            return all;
        }
    }

    record History(List<String> agencies, List<Application> applications, List<Step> stream,
                   Set<String> closedYears, boolean categoryAfterOutcome) {

        static History of(HistorySpec spec) {
            List<String> agencies = AGENCIES.subList(0, spec.agencyCount());
            List<Application> applications = new ArrayList<>();
            List<Step> stream = new ArrayList<>();
            boolean categoryAfterOutcome = false;
            for (int i = 0; i < spec.applications().size(); i++) {
                ApplicationEvents made = ApplicationEvents.of(i, spec.applications().get(i), agencies);
                applications.add(made.application());
                List<Integer> keys = spec.applications().get(i).keys().stream().sorted().toList();
                for (int e = 0; e < made.events().size(); e++) {
                    stream.add(new Step(keys.get(e), i, e, made.events().get(e), made.sequenceNumbers().get(e)));
                }
                categoryAfterOutcome |= made.categoryAfterOutcome();
            }
            Set<String> closedYears = new LinkedHashSet<>();
            for (int c = 0; c < spec.closes().size(); c++) {
                YearCloseSpec close = spec.closes().get(c);
                String agency = agencies.get(close.agency() % agencies.size());
                // the aggregate closes a year once: a second close of the same year makes no event
                if (closedYears.add(agency + ":" + close.year())) {
                    YearClosed event = new YearClosed(agency, close.year(), LocalDate.of(close.year() + 1, 1, 2));
                    stream.add(new Step(close.key(), spec.applications().size() + c, 0, event, 0));
                }
            }
            stream.sort(Comparator.comparingInt(Step::key).thenComparingInt(Step::source).thenComparingInt(Step::index));
            return new History(agencies, applications, stream, closedYears, categoryAfterOutcome);
        }

        List<Application> applicationsOf(String agency) {
            return applications.stream().filter(a -> a.agency().equals(agency)).toList();
        }

        boolean closed(String agency, int year) {
            return closedYears.contains(agency + ":" + year);
        }

        /**
         * The carry-forwards live processing asks for, from a walk through the stream: on a year close,
         * every application seen so far that is open at that year's end as far as seen so far; on a
         * registration, one from each closed year since its receipt.
         */
        ExpectedCarryForwards expectedCarryForwards() {
            Map<UUID, String> agencyOf = new HashMap<>();
            Map<UUID, LocalDate> receivedOn = new HashMap<>();
            Map<UUID, LocalDate> concludedOn = new HashMap<>();
            Set<String> closed = new LinkedHashSet<>();
            List<CarriedForward> sweeps = new ArrayList<>();
            List<CarriedForward> lateRegistrations = new ArrayList<>();
            for (Step step : stream) {
                switch (step.event()) {
                    case RequestReceived e -> {
                        agencyOf.put(e.requestId(), e.agencyId());
                        receivedOn.put(e.requestId(), e.receivedOn());
                        for (int year = e.receivedOn().getYear(); year <= LAST_CLOSABLE_YEAR; year++) {
                            if (closed.contains(e.agencyId() + ":" + year)) {
                                lateRegistrations.add(new CarriedForward(e.requestId(), e.agencyId(), year));
                            }
                        }
                    }
                    case RequestConcluded e -> concludedOn.put(e.requestId(), e.concludedOn());
                    case YearClosed e -> {
                        closed.add(e.agencyId() + ":" + e.year());
                        LocalDate end = LocalDate.of(e.year(), 12, 31);
                        receivedOn.forEach((id, received) -> {
                            LocalDate concluded = concludedOn.get(id);
                            if (agencyOf.get(id).equals(e.agencyId()) && !received.isAfter(end)
                                    && (concluded == null || concluded.isAfter(end))) {
                                sweeps.add(new CarriedForward(id, e.agencyId(), e.year()));
                            }
                        });
                    }
                    default -> {
                        // corrections change no date, so they change no carry-forward
                    }
                }
            }
            return new ExpectedCarryForwards(sweeps, lateRegistrations);
        }
    }

    /** One application's events, in order, with their sequence numbers and the final facts they lead to. */
    record ApplicationEvents(Application application, List<Object> events, List<Long> sequenceNumbers,
                             boolean categoryAfterOutcome) {

        static ApplicationEvents of(int index, ApplicationSpec spec, List<String> agencies) {
            UUID id = new UUID(0x9ed9_0000_0000_0000L, index);
            String agency = agencies.get(spec.agency() % agencies.size());
            LocalDate receivedOn = FIRST_RECEIPT.plusDays(spec.receiptDay());
            LocalDate registeredOn = receivedOn.plusDays(spec.registrationDelay());
            List<Object> events = new ArrayList<>();
            events.add(new RequestReceived(id, agency, "%s/%d-%05d".formatted(agency, registeredOn.getYear(), index),
                    Channel.INTERNET, receivedOn, registeredOn, spec.category(),
                    new ApplicantDetails("申请人" + index, "居民身份证", "-", "-", "-"), "信息", DeliveryForm.ELECTRONIC_BY_EMAIL));

            ApplicantCategory category = spec.category();
            LocalDate concludedOn = null;
            Outcome outcome = null;
            boolean outcomeCorrected = false;
            boolean categoryAfterOutcome = false;
            ConclusionSpec conclusion = spec.conclusion();
            for (Amendment amendment : spec.amendments()) {
                if (amendment instanceof CategoryAmendment(ApplicantCategory to, boolean before)
                        && (before || conclusion == null) && to != category) {
                    events.add(new ApplicantCategoryCorrected(id, category, to, "更正", "reviewer", receivedOn));
                    category = to;
                }
            }
            if (conclusion != null) {
                concludedOn = receivedOn.plusDays(conclusion.daysAfterReceipt());
                outcome = conclusion.outcome();
                events.add(switch (conclusion.ending()) {
                    case ANSWERED -> new RequestAnswered(id, 1, outcome, concludedOn);
                    case WITHDRAWN -> new RequestWithdrawn(id, "撤回", concludedOn);
                    case LAPSED -> new RequestLapsed(id, outcome, concludedOn);
                });
                // amendments the aggregate would refuse make no event
                for (Amendment amendment : spec.amendments()) {
                    if (amendment instanceof CategoryAmendment(ApplicantCategory to, boolean before)
                            && !before && to != category) {
                        events.add(new ApplicantCategoryCorrected(id, category, to, "更正", "reviewer", concludedOn));
                        category = to;
                        categoryAfterOutcome |= outcomeCorrected;
                    } else if (amendment instanceof OutcomeAmendment(Outcome to) && to != outcome
                            && (to.isAnswerOutcome() || conclusion.ending() == Ending.LAPSED)) {
                        events.add(new OutcomeCorrected(id, outcome, to, "更正", "reviewer", concludedOn));
                        outcome = to;
                        outcomeCorrected = true;
                    }
                }
            }
            List<Long> sequenceNumbers = new ArrayList<>();
            for (int e = 0; e < events.size(); e++) {
                sequenceNumbers.add((long) e * (1 + spec.sequenceGap()));
            }
            return new ApplicationEvents(new Application(id, agency, category, receivedOn, concludedOn, outcome),
                    events, sequenceNumbers, categoryAfterOutcome);
        }
    }

    // ---- a command gateway that only records ---------------------------------------------------------

    /** Records the CarryForward commands the projection sends with {@code sendAndWait}; refuses anything else. */
    static final class RecordingGateway {

        private final List<CarriedForward> carried = new ArrayList<>();

        CommandGateway gateway() {
            return (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {CommandGateway.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendAndWait") && args.length == 1
                                && args[0] instanceof CommandMessage<?> message
                                && message.getPayload() instanceof CarryForward command) {
                            carried.add(new CarriedForward(command.requestId(),
                                    Actor.from(message.getMetaData()).agencyId(), command.fromYear()));
                            return null;
                        }
                        throw new UnsupportedOperationException("the projection sent an unexpected command: "
                                + method.getName() + Arrays.toString(args));
                    });
        }

        List<CarriedForward> carriedForward() {
            return carried;
        }
    }
}
