package cn.gongkai.ledger.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.statistics.CountedApplication;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class YearChartsTest {

    private static final WorkingDayCalendar WEEKENDS = WorkingDayCalendar.weekendsOnly();

    @Test
    void workingDaysCountFromTheDayAfterReceiptThroughTheConclusion() {
        // Friday 2026-03-06 to Monday 2026-03-09: the weekend does not count, Monday does
        assertThat(YearCharts.workingDays(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 9), WEEKENDS)).isEqualTo(1);
        assertThat(YearCharts.workingDays(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 9), WEEKENDS)).isZero();
    }

    @Test
    void theMedianOfAnEvenCountIsTheRoundedMeanOfTheMiddleTwo() {
        assertThat(YearCharts.median(List.of(9, 1, 5))).isEqualTo(5);
        assertThat(YearCharts.median(List.of(4, 1, 9, 2))).isEqualTo(3);
    }

    @Test
    void theMedianChartHasOneBarPerMonthAndSaysEachFigureInWords() {
        List<CountedApplication> concluded = List.of(
                concluded(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6)),
                concluded(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16)));
        YearCharts.Chart chart = YearCharts.medianWorkingDays(2026, concluded, WEEKENDS);
        assertThat(chart.bars()).hasSize(12);
        assertThat(chart.description()).contains("3月中位数7个工作日").contains("1月无办结");
        assertThat(chart.bars().get(2).height()).isPositive();
        assertThat(chart.bars().get(0).height()).isZero();
    }

    @Test
    void theOutcomesChartGroupsTheRowsAsTheOfficialTableDoes() {
        Part3Table now = Part3Table.builder("a", 2026, false)
                .set(TableRow.WITHHELD_STATE_SECRET, TableColumn.TOTAL, 2)
                .set(TableRow.WITHHELD_THIRD_PARTY_RIGHTS, TableColumn.TOTAL, 1).build();
        Part3Table before = Part3Table.builder("a", 2025, true)
                .set(TableRow.DISCLOSED, TableColumn.TOTAL, 4).build();
        YearCharts.Chart chart = YearCharts.outcomes(now, before);
        assertThat(chart.texts()).extracting(YearCharts.Text::text)
                .contains("(一) 予以公开", "(二) 部分公开", "(三) 不予公开", "(六) 其他处理");
        assertThat(chart.description()).contains("(三) 不予公开2025年0件、2026年3件").contains("(一) 予以公开2025年4件");
    }

    private static CountedApplication concluded(LocalDate received, LocalDate concluded) {
        return new CountedApplication(UUID.randomUUID(), "a", "2026-0001", ApplicantCategory.NATURAL_PERSON, received,
                concluded, Outcome.DISCLOSED);
    }
}
