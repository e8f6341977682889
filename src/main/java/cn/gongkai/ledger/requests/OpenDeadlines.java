package cn.gongkai.ledger.requests;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The due dates of open applications, as the register's list holds them, for jobs that watch deadlines. */
public interface OpenDeadlines {

    /**
     * An open application whose clock has a due date (not paused, not awaiting a correction).
     *
     * @param provisional whether the date rests on weekends alone for a year without a calendar
     */
    record OpenDeadline(UUID requestId, String agencyId, String registrationNumber, RequestStatus status,
                        LocalDate dueOn, boolean provisional) {
    }

    /** The open applications due on or before {@code upTo}, of {@code agencyId} or of every agency when empty. */
    List<OpenDeadline> dueOnOrBefore(LocalDate upTo, Optional<String> agencyId);
}
