package cn.gongkai.ledger.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A stretch during which a statutory clock does not run, such as a consultation of a third party
 * or another agency (条例 第三十三条). Which days it leaves out is decided by
 * {@link StatutoryPeriod#clockRunsOn(LocalDate)}.
 *
 * @param from the day the pause began (still counted)
 * @param to   the day it ended (not counted; counting resumes the day after), or null while it
 *             lasts
 * @throws IllegalArgumentException if {@code to} is before {@code from}
 */
public record Pause(LocalDate from, LocalDate to) {

    public Pause {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("pause ends " + to + " before it begins " + from);
        }
    }

    /** A pause that has not ended yet. */
    public static Pause openSince(LocalDate from) {
        return new Pause(from, null);
    }

    /** Whether the pause is still running. */
    public boolean open() {
        return to == null;
    }
}
