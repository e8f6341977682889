package cn.gongkai.ledger.disputes.read;

import static cn.gongkai.ledger.disputes.DisputeKind.LITIGATION_AFTER_RECONSIDERATION;
import static cn.gongkai.ledger.disputes.DisputeKind.LITIGATION_DIRECT;
import static cn.gongkai.ledger.disputes.DisputeKind.RECONSIDERATION;
import static cn.gongkai.ledger.disputes.DisputeResult.CORRECTED;
import static cn.gongkai.ledger.disputes.DisputeResult.OTHER;
import static cn.gongkai.ledger.disputes.DisputeResult.UPHELD;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.TestDatabase;
import cn.gongkai.ledger.disputes.DisputeCase;
import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.disputes.DisputeTables;
import cn.gongkai.ledger.disputes.events.DisputeDecided;
import cn.gongkai.ledger.disputes.events.DisputeFiled;
import cn.gongkai.ledger.statistics.AnnualTablesChanges;
import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part4Source;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.ReconciliationFailure;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Part 四 counted from the case table, against tables worked out by hand. The projection is fed
 * events directly (no processor, no Spring); the counting runs its real SQL on PostgreSQL, in a
 * database of this class's own, migrated by the production Flyway scripts.
 *
 * <p>The cases of agency A, with the year(s) each counts in:
 * <pre>
 *  R1 复议       filed 2024-11-10, 维持 2025-02-01   2024 PENDING, 2025 UPHELD
 *  R2 复议       filed 2025-03-01, undecided         2025 PENDING, 2026 PENDING
 *  R3 复议       filed 2025-06-01, 纠正 2025-09-30   2025 CORRECTED
 *  R4 复议       filed 2025-12-31, 其他 2026-01-01   2025 PENDING, 2026 OTHER
 *  L1 直接起诉   filed 2025-01-01, 维持 2025-12-31   2025 UPHELD
 *  L2 直接起诉   filed 2023-05-05, 纠正 2024-01-10   2023 PENDING, 2024 CORRECTED
 *  A1 复议后起诉 filed 2026-01-02, undecided         2026 PENDING
 *  A2 复议后起诉 filed 2024-07-01, 其他 2026-03-01   2024 PENDING, 2025 PENDING, 2026 OTHER
 * </pre>
 * Agency B has one case: B1 复议 filed 2025-04-04, 纠正 2025-05-05.
 */
class Part4CountingTest {

    private static final String A = "agency-a";
    private static final String B = "agency-b";

    private static JdbcClient jdbc;

    private DisputeCaseProjection projection;
    private DisputeTables tables;

    @BeforeAll
    static void database() {
        String url = TestDatabase.newDatabaseUrl();
        TestDatabase.migrate(url);
        jdbc = JdbcClient.create(TestDatabase.asService(url));
    }

    @BeforeEach
    void cases() {
        projection = new DisputeCaseProjection(jdbc, new AnnualTablesChanges(jdbc));
        tables = new DisputeTables(jdbc);
        projection.reset();
        file(A, "R1", RECONSIDERATION, "2024-11-10");
        decide(A, "R1", UPHELD, "2025-02-01");
        file(A, "R2", RECONSIDERATION, "2025-03-01");
        file(A, "R3", RECONSIDERATION, "2025-06-01");
        decide(A, "R3", CORRECTED, "2025-09-30");
        file(A, "R4", RECONSIDERATION, "2025-12-31");
        decide(A, "R4", OTHER, "2026-01-01");
        file(A, "L1", LITIGATION_DIRECT, "2025-01-01");
        decide(A, "L1", UPHELD, "2025-12-31");
        file(A, "L2", LITIGATION_DIRECT, "2023-05-05");
        decide(A, "L2", CORRECTED, "2024-01-10");
        file(A, "A1", LITIGATION_AFTER_RECONSIDERATION, "2026-01-02");
        file(A, "A2", LITIGATION_AFTER_RECONSIDERATION, "2024-07-01");
        decide(A, "A2", OTHER, "2026-03-01");
        file(B, "B1", RECONSIDERATION, "2025-04-04");
        decide(B, "B1", CORRECTED, "2025-05-05");
    }

    @Test
    void theYearCountsWhatWasDecidedInItAndWhatWasPendingAtItsEnd() {
        Part4Table table = tables.part4(A, 2025);
        assertThat(table.agencyId()).isEqualTo(A);
        assertThat(table.year()).isEqualTo(2025);
        assertThat(table).isEqualTo(expected(A, 2025,
                //                 UPHELD CORRECTED OTHER PENDING TOTAL
                row(RECONSIDERATION, 1, 1, 0, 2, 4),
                row(LITIGATION_DIRECT, 1, 0, 0, 0, 1),
                row(LITIGATION_AFTER_RECONSIDERATION, 0, 0, 0, 1, 1)));
        assertThat(tables.check(table)).isEmpty();
    }

    @Test
    void aCaseFiledInOneYearAndDecidedInTheNextIsPendingInTheFirst() {
        Part4Table y2024 = tables.part4(A, 2024);
        Part4Table y2023 = tables.part4(A, 2023);
        assertThat(y2024).isEqualTo(expected(A, 2024,
                row(RECONSIDERATION, 0, 0, 0, 1, 1),
                row(LITIGATION_DIRECT, 0, 1, 0, 0, 1),
                row(LITIGATION_AFTER_RECONSIDERATION, 0, 0, 0, 1, 1)));
        assertThat(y2023).isEqualTo(expected(A, 2023,
                row(LITIGATION_DIRECT, 0, 0, 0, 1, 1)));
    }

    @Test
    void casesDecidedAfterTheYearOrFiledAfterItCountOnlyLater() {
        Part4Table table = tables.part4(A, 2026);
        assertThat(table).isEqualTo(expected(A, 2026,
                row(RECONSIDERATION, 0, 0, 1, 1, 2),
                row(LITIGATION_DIRECT, 0, 0, 0, 0, 0),
                row(LITIGATION_AFTER_RECONSIDERATION, 0, 0, 1, 1, 2)));
        assertThat(tables.part4(A, 2022)).isEqualTo(Part4Table.empty(A, 2022));
    }

    @Test
    void aRollUpSumsItsAgenciesAndCountsEachCaseOnce() {
        Part4Table rollUp = tables.part4(List.of(B, A, A), 2025);
        assertThat(rollUp.agencyId()).isEqualTo("agency-a,agency-b");
        assertThat(rollUp.cells()).isEqualTo(expected(A, 2025,
                row(RECONSIDERATION, 1, 2, 0, 2, 5),
                row(LITIGATION_DIRECT, 1, 0, 0, 0, 1),
                row(LITIGATION_AFTER_RECONSIDERATION, 0, 0, 0, 1, 1)).cells());
        assertThat(tables.part4(List.of(), 2025).cells()).isEqualTo(Part4Table.empty("", 2025).cells());
    }

    @Test
    void anotherAgencysCasesDoNotCount() {
        Part4Table table = tables.part4(B, 2025);
        assertThat(table).isEqualTo(expected(B, 2025, row(RECONSIDERATION, 0, 1, 0, 0, 1)));
        assertThat(tables.part4("agency-c", 2025)).isEqualTo(Part4Table.empty("agency-c", 2025));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        // when the processor delivers a filing and a decision again after a crash
        file(A, "R3", RECONSIDERATION, "2025-06-01");
        decide(A, "R3", CORRECTED, "2025-09-30");
        assertThat(tables.part4(A, 2025).cell(DisputeGroup.RECONSIDERATION, DisputeColumn.TOTAL)).isEqualTo(4);
    }

    @Test
    void eachCellNamesTheCasesThatCountInIt() {
        assertThat(names(tables.cases(A, 2025, DisputeGroup.RECONSIDERATION, DisputeColumn.PENDING)))
                .containsExactly("R2", "R4");
        assertThat(names(tables.cases(A, 2025, DisputeGroup.RECONSIDERATION, DisputeColumn.UPHELD)))
                .containsExactly("R1");
        assertThat(names(tables.cases(A, 2025, DisputeGroup.RECONSIDERATION, DisputeColumn.CORRECTED)))
                .containsExactly("R3");
        assertThat(names(tables.cases(A, 2025, DisputeGroup.RECONSIDERATION, DisputeColumn.OTHER))).isEmpty();
        assertThat(names(tables.cases(A, 2025, DisputeGroup.RECONSIDERATION, DisputeColumn.TOTAL)))
                .containsExactly("R1", "R2", "R3", "R4");
        assertThat(names(tables.cases(A, 2025, DisputeGroup.LITIGATION_AFTER_RECONSIDERATION, DisputeColumn.TOTAL)))
                .containsExactly("A2");
        List<DisputeCase> upheld = tables.cases(A, 2025, DisputeGroup.LITIGATION_DIRECT, DisputeColumn.UPHELD);
        assertThat(upheld).containsExactly(new DisputeCase(id("L1"), requestOf("L1"), "L1", LITIGATION_DIRECT,
                LocalDate.parse("2025-01-01"), UPHELD, LocalDate.parse("2025-12-31")));
    }

    @Test
    void everyCellCountsAsManyCasesAsItNames() {
        for (int year = 2023; year <= 2026; year++) {
            Part4Table table = tables.part4(A, year);
            for (DisputeGroup group : DisputeGroup.values()) {
                for (DisputeColumn column : DisputeColumn.values()) {
                    assertThat((long) tables.cases(A, year, group, column).size())
                            .as("%d %s %s", year, group, column)
                            .isEqualTo(table.cell(group, column));
                }
            }
        }
    }

    @Test
    void aTableWhoseTotalIsNotTheSumOfItsColumnsFailsTheCheck() {
        // given a table as someone might have typed it
        Part4Table typed = expected(A, 2025,
                row(RECONSIDERATION, 1, 1, 0, 2, 3),
                row(LITIGATION_DIRECT, 1, 0, 0, 0, 1));
        List<ReconciliationFailure> failures = tables.check(typed);
        // then exactly the one group fails, and the message names its cells in both languages
        assertThat(failures).hasSize(1);
        assertThat(failures.getFirst().rule()).isEqualTo(Part4Source.TOTAL_RULE);
        assertThat(failures.getFirst().messageZh())
                .contains("2025", "行政复议", "结果维持(1)", "结果纠正(1)", "其他结果(0)", "尚未审结(2)", "＝4", "总计(3)");
        assertThat(failures.getFirst().messageEn())
                .contains("RECONSIDERATION", "UPHELD (1) + CORRECTED (1) + OTHER (0) + PENDING (2) = 4, but TOTAL is 3");
        assertThat(failures.getFirst().cells()).contains("RECONSIDERATION/TOTAL", "RECONSIDERATION/PENDING");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void file(String agency, String name, DisputeKind kind, String filedOn) {
        projection.on(new DisputeFiled(id(name), requestOf(name), agency, name, kind, LocalDate.parse(filedOn),
                null, null), 0L, recordedOn(filedOn), MetaData.emptyInstance());
    }

    private void decide(String agency, String name, DisputeResult result, String decidedOn) {
        projection.on(new DisputeDecided(id(name), requestOf(name), agency, result, LocalDate.parse(decidedOn), null),
                1L, recordedOn(decidedOn), MetaData.emptyInstance());
    }

    /** Recorded on the business date itself, at noon UTC. */
    private static java.time.Instant recordedOn(String date) {
        return LocalDate.parse(date).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("dispute " + name).getBytes());
    }

    private static UUID requestOf(String name) {
        return UUID.nameUUIDFromBytes(("request " + name).getBytes());
    }

    private static List<String> names(List<DisputeCase> cases) {
        return cases.stream().map(DisputeCase::registrationNumber).toList();
    }

    private record Row(DisputeGroup group, Map<DisputeColumn, Long> columns) {
    }

    private static Row row(DisputeKind kind, long upheld, long corrected, long other, long pending, long total) {
        Map<DisputeColumn, Long> columns = new EnumMap<>(DisputeColumn.class);
        columns.put(DisputeColumn.UPHELD, upheld);
        columns.put(DisputeColumn.CORRECTED, corrected);
        columns.put(DisputeColumn.OTHER, other);
        columns.put(DisputeColumn.PENDING, pending);
        columns.put(DisputeColumn.TOTAL, total);
        return new Row(kind.group(), columns);
    }

    /** The table with the given rows; groups not named are all zero. */
    private static Part4Table expected(String agency, int year, Row... rows) {
        Map<DisputeGroup, Map<DisputeColumn, Long>> cells = new EnumMap<>(DisputeGroup.class);
        for (Row row : rows) {
            cells.put(row.group(), row.columns());
        }
        return new Part4Table(agency, year, cells);
    }
}
