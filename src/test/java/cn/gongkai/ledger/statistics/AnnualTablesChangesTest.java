package cn.gongkai.ledger.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.statistics.AnnualTablesChanges.Change;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The agency-years a set of announced changes republishes stay within the years the API accepts,
 * whatever year a stored event carries: events are append-only, and one registered before the edge
 * bounded dates ({@code "receivedOn":"-999999999-01-01"}, issue 9) must not make the relay build a set
 * of 10⁹ years. (Moved here from the publisher's batch test when statistics began to announce its changes.)
 */
class AnnualTablesChangesTest {

    @Test
    @Timeout(10)
    void anAbsurdlyOldReceiptRepublishesFrom2008Only() {
        TreeSet<Integer> years = AnnualTablesChanges.agencyYears(
                List.of(new Change("kaifaqu", -999_999_999, true, 1)), 2026).get("kaifaqu");
        assertThat(years).hasSize(2026 - 2008 + 1);
        assertThat(years.first()).isEqualTo(2008);
        assertThat(years.last()).isEqualTo(2026);
    }

    @Test
    void anAbsurdlyLateYearRepublishesOneYearOnly() {
        assertThat(AnnualTablesChanges.agencyYears(List.of(new Change("kaifaqu", 999_999_999, true, 1)), 2026)
                .get("kaifaqu")).containsExactly(2027);
    }

    @Test
    void anOrdinaryYearRepublishesItAndEveryLaterOne() {
        assertThat(AnnualTablesChanges.agencyYears(List.of(new Change("kaifaqu", 2024, true, 1)), 2026)
                .get("kaifaqu")).containsExactly(2024, 2025, 2026);
    }

    @Test
    void aChangeOfOneYearRepublishesThatYearAloneAndChangesOfOneAgencyAreMerged() {
        assertThat(AnnualTablesChanges.agencyYears(List.of(new Change("kaifaqu", 2022, false, 1),
                new Change("kaifaqu", 2025, true, 2), new Change("yicheng", 2023, false, 3)), 2026))
                .containsOnlyKeys("kaifaqu", "yicheng")
                .satisfies(years -> {
                    assertThat(years.get("kaifaqu")).containsExactly(2022, 2025, 2026);
                    assertThat(years.get("yicheng")).containsExactly(2023);
                });
    }
}
