package cn.gongkai.ledger.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void theMessageNamesEveryYearWithoutCalendarInOrder() {
        Deadline deadline = new Deadline(LocalDate.of(2028, 2, 1), false, Set.of(2028, 2027));

        assertThat(deadline.message()).isEqualTo(
                "2027、2028年尚无官方节假日安排，期限仅按周末计算 / no official calendar for 2027, 2028: deadline counted on weekends alone");
    }

    @Test
    void aDeadlineHasADateExactlyWhenItIsNotPaused() {
        assertThatThrownBy(() -> new Deadline(null, false, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Deadline(LocalDate.of(2026, 1, 5), true, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPauseCannotEndBeforeItBegins() {
        assertThatThrownBy(() -> new Pause(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPeriodHasAtMostOneOpenPause() {
        assertThatThrownBy(() -> new StatutoryPeriod(LocalDate.of(2026, 5, 1), 20,
                List.of(Pause.openSince(LocalDate.of(2026, 5, 2)), Pause.openSince(LocalDate.of(2026, 5, 3)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPeriodCannotBeNegative() {
        assertThatThrownBy(() -> new StatutoryPeriod(LocalDate.of(2026, 5, 1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
