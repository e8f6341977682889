package cn.gongkai.ledger.disputes.read;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.TestDatabase;
import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.disputes.DisputeTables;
import cn.gongkai.ledger.disputes.events.DisputeCorrected;
import cn.gongkai.ledger.disputes.events.DisputeDecided;
import cn.gongkai.ledger.disputes.events.DisputeFiled;
import cn.gongkai.ledger.disputes.events.DisputeWithdrawn;
import cn.gongkai.ledger.statistics.AnnualTablesChanges;
import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part4Table;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Part 四 as it stood at an instant, on PostgreSQL, against a plain recount of the same history:
 * a case counts only if its filing was recorded by then, and by its decision only if that was
 * recorded by then too (before, it was pending). The histories are random but seeded, so a
 * failure names its seed and can be replayed.
 */
class Part4AsOfTest {

    private static final String A = "agency-a";
    private static final String B = "agency-b";
    private static final Instant ORIGIN = Instant.parse("2021-01-01T00:00:00Z");

    private static JdbcClient jdbc;

    @BeforeAll
    static void database() throws SQLException {
        String url = TestDatabase.newDatabaseUrl();
        TestDatabase.migrate(url);
        // one connection for the thousands of small queries: a new one each (with its password
        // check) would take minutes
        jdbc = JdbcClient.create(new SingleConnectionDataSource(TestDatabase.asService(url).getConnection(), true));
    }

    @Test
    void aCaseDecidedAfterTheInstantIsPendingAsOfItInEveryYearFromItsFilingOn() {
        // given a reconsideration filed on 2023-05-26 and recorded then, decided on 2023-12-20 but recorded in 2025
        History history = new History();
        Instant filedAt = Instant.parse("2023-05-26T02:00:00Z");
        Instant decidedAt = Instant.parse("2025-03-01T02:00:00Z");
        history.file(A, DisputeKind.RECONSIDERATION, LocalDate.of(2023, 5, 26), filedAt)
                .decide(DisputeResult.CORRECTED, LocalDate.of(2023, 12, 20), decidedAt);
        DisputeTables tables = history.project();

        for (int year = 2023; year <= 2026; year++) {
            // when part 四 is read as of an instant between the recordings, and as of the decision's
            Part4Table pending = tables.part4AsOf(List.of(A), year, decidedAt.minusNanos(1000));
            Part4Table decided = tables.part4AsOf(List.of(A), year, decidedAt);
            // then the case is pending in every year up to the instant, and corrected in 2023 from the decision on
            assertThat(pending.cells().get(DisputeGroup.RECONSIDERATION)).as("%d before the decision", year)
                    .isEqualTo(row(0, 0, 0, 1));
            assertThat(decided.cells().getOrDefault(DisputeGroup.RECONSIDERATION, row(0, 0, 0, 0)))
                    .as("%d from the decision", year)
                    .isEqualTo(year == 2023 ? row(0, 1, 0, 0) : row(0, 0, 0, 0));
        }
        // and before its filing was recorded it counts nowhere
        assertThat(tables.part4AsOf(List.of(A), 2024, filedAt.minusNanos(1000)))
                .isEqualTo(Part4Table.empty(A, 2024));
    }

    @Test
    void aCorrectionAndAWithdrawalCountFromTheInstantTheyWereRecorded() {
        // given a reconsideration filed and decided (upheld) in 2024, corrected in 2025 to a lawsuit whose
        // answer was corrected, and withdrawn later still
        DisputeCaseProjection projection = new DisputeCaseProjection(jdbc, new AnnualTablesChanges(jdbc));
        projection.reset();
        UUID id = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        LocalDate filedOn = LocalDate.of(2024, 3, 1);
        LocalDate decidedOn = LocalDate.of(2024, 6, 1);
        Instant filedAt = Instant.parse("2024-03-01T02:00:00Z");
        Instant decidedAt = Instant.parse("2024-06-01T02:00:00Z");
        Instant correctedAt = Instant.parse("2025-02-01T02:00:00Z");
        Instant withdrawnAt = Instant.parse("2025-04-01T02:00:00Z");
        projection.on(new DisputeFiled(id, request, A, "2024-0001", DisputeKind.RECONSIDERATION, filedOn, null, null),
                0L, filedAt, MetaData.emptyInstance());
        projection.on(new DisputeDecided(id, request, A, DisputeResult.UPHELD, decidedOn, null), 1L, decidedAt,
                MetaData.emptyInstance());
        projection.on(new DisputeCorrected(id, request, A, "2024-0001", DisputeKind.LITIGATION_DIRECT, filedOn, null,
                null, DisputeResult.CORRECTED, decidedOn, null, filedOn, "误登类型", LocalDate.of(2025, 2, 1)), 2L,
                correctedAt, MetaData.emptyInstance());
        projection.on(new DisputeWithdrawn(id, request, A, filedOn, "重复登记", LocalDate.of(2025, 4, 1)), 3L,
                withdrawnAt, MetaData.emptyInstance());
        DisputeTables tables = new DisputeTables(jdbc);

        // then as of each instant 2024 shows the case as it was recorded by then, and nowhere once withdrawn
        Part4Table beforeCorrection = tables.part4AsOf(List.of(A), 2024, correctedAt.minusNanos(1000));
        assertThat(beforeCorrection.cells()).isEqualTo(
                new Part4Table(A, 2024, Map.of(DisputeGroup.RECONSIDERATION, row(1, 0, 0, 0))).cells());
        Part4Table corrected = tables.part4AsOf(List.of(A), 2024, correctedAt);
        assertThat(corrected.cells()).isEqualTo(
                new Part4Table(A, 2024, Map.of(DisputeGroup.LITIGATION_DIRECT, row(0, 1, 0, 0))).cells());
        assertThat(tables.part4AsOf(List.of(A), 2024, withdrawnAt)).isEqualTo(Part4Table.empty(A, 2024));
        assertThat(tables.part4(A, 2024)).isEqualTo(Part4Table.empty(A, 2024));
        // and the moves after an instant are the events behind each cell's change, by their effect on it
        assertThat(tables.changesSince(A, 2024, decidedAt))
                .extracting(change -> change.group() + "/" + change.column() + " " + change.eventType() + " "
                        + change.effect())
                .containsExactlyInAnyOrder(
                        "RECONSIDERATION/UPHELD DisputeCorrected -1", "RECONSIDERATION/TOTAL DisputeCorrected -1",
                        "LITIGATION_DIRECT/CORRECTED DisputeCorrected 1", "LITIGATION_DIRECT/TOTAL DisputeCorrected 1",
                        "LITIGATION_DIRECT/CORRECTED DisputeWithdrawn -1", "LITIGATION_DIRECT/TOTAL DisputeWithdrawn -1");
    }

    @Test
    void asOfEveryInstantTheTablesAreARecountOfWhatWasRecordedByThen() {
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            History history = History.random(random, 40);
            DisputeTables tables = history.project();
            List<Instant> instants = history.instants(random);
            for (Instant at : instants) {
                for (int year = 2021; year <= 2027; year++) {
                    for (Set<String> agencies : List.of(Set.of(A), Set.of(B), Set.of(A, B))) {
                        assertThat(tables.part4AsOf(agencies, year, at).cells())
                                .as("seed %d, %d as of %s, %s", seed, year, at, agencies)
                                .isEqualTo(history.recount(agencies, year, at));
                    }
                }
            }
            // and once everything is recorded, the table as of now is the current table
            for (int year = 2021; year <= 2027; year++) {
                assertThat(tables.part4AsOf(List.of(A), year, Instant.parse("2100-01-01T00:00:00Z")).cells())
                        .as("seed %d, %d as of the end", seed, year)
                        .isEqualTo(tables.part4(A, year).cells());
            }
        }
    }

    private static Map<DisputeColumn, Long> row(long upheld, long corrected, long other, long pending) {
        Map<DisputeColumn, Long> columns = new EnumMap<>(DisputeColumn.class);
        columns.put(DisputeColumn.UPHELD, upheld);
        columns.put(DisputeColumn.CORRECTED, corrected);
        columns.put(DisputeColumn.OTHER, other);
        columns.put(DisputeColumn.PENDING, pending);
        columns.put(DisputeColumn.TOTAL, upheld + corrected + other + pending);
        return columns;
    }

    /** One case's history: its filing, and perhaps its decision, each with the instant it was recorded. */
    private static final class Case {
        final UUID id = UUID.randomUUID();
        final UUID request = UUID.randomUUID();
        final String agency;
        final DisputeKind kind;
        final LocalDate filedOn;
        final Instant filedAt;
        DisputeResult result;
        LocalDate decidedOn;
        Instant decidedAt;

        Case(String agency, DisputeKind kind, LocalDate filedOn, Instant filedAt) {
            this.agency = agency;
            this.kind = kind;
            this.filedOn = filedOn;
            this.filedAt = filedAt;
        }

        Case decide(DisputeResult result, LocalDate decidedOn, Instant decidedAt) {
            this.result = result;
            this.decidedOn = decidedOn;
            this.decidedAt = decidedAt;
            return this;
        }
    }

    private static final class History {
        final List<Case> cases = new ArrayList<>();

        Case file(String agency, DisputeKind kind, LocalDate filedOn, Instant filedAt) {
            Case c = new Case(agency, kind, filedOn, filedAt);
            cases.add(c);
            return c;
        }

        /**
         * Cases filed 2021–2026, each recorded when filed or back-dated (recorded later); most are
         * decided, on their filing date or up to two years on, recorded that day or later still.
         */
        static History random(Random random, int size) {
            History history = new History();
            DisputeKind[] kinds = DisputeKind.values();
            DisputeResult[] results = DisputeResult.values();
            for (int i = 0; i < size; i++) {
                LocalDate filedOn = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(6 * 365));
                Instant filedAt = recordedOnOrAfter(random, filedOn);
                Case c = history.file(random.nextBoolean() ? A : B, kinds[random.nextInt(kinds.length)], filedOn,
                        filedAt);
                if (random.nextInt(4) > 0) {
                    LocalDate decidedOn = filedOn.plusDays(random.nextInt(730));
                    Instant decidedAt = recordedOnOrAfter(random, decidedOn);
                    // a decision is recorded after its filing: the case's events are in order
                    if (!decidedAt.isAfter(filedAt)) {
                        decidedAt = filedAt.plusSeconds(1 + random.nextInt(86_400 * 30));
                    }
                    c.decide(results[random.nextInt(results.length)], decidedOn, decidedAt);
                }
            }
            return history;
        }

        private static Instant recordedOnOrAfter(Random random, LocalDate date) {
            Instant day = date.atStartOfDay().toInstant(ZoneOffset.ofHours(8));
            long lateBy = random.nextInt(3) == 0 ? random.nextInt(500) * 86_400L : 0;
            return day.plusSeconds(lateBy + random.nextInt(86_400)).plusNanos(random.nextInt(1000) * 1000L);
        }

        /** Feeds every event to a fresh case table, in the order they were recorded, and counts from it. */
        DisputeTables project() {
            DisputeCaseProjection projection = new DisputeCaseProjection(jdbc, new AnnualTablesChanges(jdbc));
            projection.reset();
            record Recorded(Instant at, Runnable delivery) {
            }
            List<Recorded> events = new ArrayList<>();
            for (Case c : cases) {
                events.add(new Recorded(c.filedAt, () -> projection.on(new DisputeFiled(c.id, c.request, c.agency,
                        "N-" + c.id, c.kind, c.filedOn, null, null), 0L, c.filedAt, MetaData.emptyInstance())));
                if (c.result != null) {
                    events.add(new Recorded(c.decidedAt, () -> projection.on(new DisputeDecided(c.id, c.request,
                            c.agency, c.result, c.decidedOn, null), 1L, c.decidedAt, MetaData.emptyInstance())));
                }
            }
            events.stream().sorted((x, y) -> x.at().compareTo(y.at())).forEach(e -> e.delivery().run());
            return new DisputeTables(jdbc);
        }

        /** The instants to read at: every recorded instant, a microsecond either side, and some at random. */
        List<Instant> instants(Random random) {
            List<Instant> instants = new ArrayList<>();
            instants.add(ORIGIN);
            for (Case c : cases) {
                for (Instant at : c.decidedAt == null ? List.of(c.filedAt) : List.of(c.filedAt, c.decidedAt)) {
                    if (random.nextInt(3) == 0) {
                        instants.add(at);
                        instants.add(at.minusNanos(1000));
                        instants.add(at.plusNanos(1000));
                    }
                }
            }
            for (int i = 0; i < 10; i++) {
                instants.add(ORIGIN.plus(Duration.ofDays(random.nextInt(8 * 365))));
            }
            return instants;
        }

        /** Part 四 at {@code at} counted case by case, from the definition. */
        Map<DisputeGroup, Map<DisputeColumn, Long>> recount(Collection<String> agencies, int year, Instant at) {
            LocalDate start = LocalDate.of(year, 1, 1);
            LocalDate end = LocalDate.of(year, 12, 31);
            Map<DisputeGroup, Map<DisputeColumn, Long>> cells = new EnumMap<>(DisputeGroup.class);
            for (Case c : cases) {
                if (!agencies.contains(c.agency) || c.filedAt.isAfter(at)) {
                    continue;
                }
                boolean known = c.decidedAt != null && !c.decidedAt.isAfter(at);
                DisputeColumn column = null;
                if (known && !c.decidedOn.isBefore(start) && !c.decidedOn.isAfter(end)) {
                    column = DisputeColumn.valueOf(c.result.name());
                } else if (!c.filedOn.isAfter(end) && (!known || c.decidedOn.isAfter(end))) {
                    column = DisputeColumn.PENDING;
                }
                if (column != null) {
                    Map<DisputeColumn, Long> row = cells.computeIfAbsent(c.kind.group(), g -> row(0, 0, 0, 0));
                    row.merge(column, 1L, Long::sum);
                    row.merge(DisputeColumn.TOTAL, 1L, Long::sum);
                }
            }
            return new Part4Table("recount", year, cells).cells();
        }
    }
}
