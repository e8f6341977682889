package cn.gongkai.ledger.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A time limit counted in working days, such as the 20 working days of 条例 第三十三条 (40 with the
 * extension), and the pauses that stop its clock.
 *
 * @param startsAfter the day that starts the clock (receipt, or receipt of the corrected
 *                    application); itself not counted
 * @param workingDays how many working days the period lasts; zero means it ends on
 *                    {@code startsAfter}
 * @param pauses      the pauses, in any order; at most one may still be open
 * @throws IllegalArgumentException if {@code workingDays} is negative or more than one pause is open
 */
public record StatutoryPeriod(LocalDate startsAfter, int workingDays, List<Pause> pauses) {

    public StatutoryPeriod {
        Objects.requireNonNull(startsAfter, "startsAfter");
        if (workingDays < 0) {
            throw new IllegalArgumentException("a period cannot last " + workingDays + " working days");
        }
        pauses = List.copyOf(pauses);
        if (pauses.stream().filter(Pause::open).count() > 1) {
            throw new IllegalArgumentException("more than one pause is open: " + pauses);
        }
    }

    /** A period without pauses. */
    public StatutoryPeriod(LocalDate startsAfter, int workingDays) {
        this(startsAfter, workingDays, List.of());
    }

    /**
     * The counting convention, kept here and nowhere else: whether the clock runs on a day, that
     * is, whether the day counts toward the period if it is a working day.
     * <ul>
     * <li>The day that starts the clock is not counted: a clock that starts on a Monday has
     *     Tuesday as its first day. This follows the usual reading of 条例 第三十三条 and of
     *     民法典 第二百零一条 (the start day is not counted); statute-rules.md asks to keep it in one
     *     place, which is here.</li>
     * <li>A pause from P to Q leaves out the days d with P &lt; d &le; Q: the day a consultation
     *     starts still counts, the day its answer arrives does not, and counting resumes the day
     *     after. An open pause leaves out every day after P.</li>
     * </ul>
     * Whether the day is a working day at all is for {@link WorkingDayCalendar#isWorkingDay}.
     */
    public boolean clockRunsOn(LocalDate day) {
        return day.isAfter(startsAfter) && pauseOn(day).isEmpty();
    }

    /**
     * The pause that leaves {@code day} out under the convention of {@link #clockRunsOn}, if any
     * (the first given, should two overlap).
     */
    public Optional<Pause> pauseOn(LocalDate day) {
        return pauses.stream()
                .filter(pause -> day.isAfter(pause.from()) && (pause.open() || !day.isAfter(pause.to())))
                .findFirst();
    }

    /** The pause that has not ended yet, if any: while it lasts the period has no end date. */
    Optional<Pause> openPause() {
        return pauses.stream().filter(Pause::open).findFirst();
    }
}
