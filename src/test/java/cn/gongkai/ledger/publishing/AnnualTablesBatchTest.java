package cn.gongkai.ledger.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The agency-years one batch republishes stay within the years the API accepts, whatever year a
 * stored event carries: events are append-only, and one registered before the edge bounded dates
 * ({@code "receivedOn":"-999999999-01-01"}, issue 9) must not make the publisher build a set of 10⁹ years.
 */
class AnnualTablesBatchTest {

    @Test
    @Timeout(10)
    void anAbsurdlyOldReceiptRepublishesFrom2008Only() {
        TreeSet<Integer> years = new AnnualTablesPublisher.Batch()
                .changedFrom("kaifaqu", -999_999_999).changes(2026).get("kaifaqu");
        assertThat(years).hasSize(2026 - 2008 + 1);
        assertThat(years.first()).isEqualTo(2008);
        assertThat(years.last()).isEqualTo(2026);
    }

    @Test
    void anAbsurdlyLateYearRepublishesOneYearOnly() {
        TreeSet<Integer> years = new AnnualTablesPublisher.Batch()
                .changedFrom("kaifaqu", 999_999_999).changes(2026).get("kaifaqu");
        assertThat(years).containsExactly(2027);
    }

    @Test
    void anOrdinaryYearRepublishesItAndEveryLaterOne() {
        assertThat(new AnnualTablesPublisher.Batch().changedFrom("kaifaqu", 2024).changes(2026).get("kaifaqu"))
                .containsExactly(2024, 2025, 2026);
    }
}
