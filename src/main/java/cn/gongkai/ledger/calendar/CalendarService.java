package cn.gongkai.ledger.calendar;

import cn.gongkai.ledger.calendar.internal.CalendarStore;
import cn.gongkai.ledger.calendar.internal.CalendarStore.Fingerprint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendar kept in PostgreSQL, served as an immutable {@link WorkingDayCalendar} snapshot, and
 * the administrator's changes to it.
 *
 * <p>The snapshot is cached. A change made through this instance is seen by it as soon as the
 * change commits; a change made through another instance sharing the database is seen within
 * {@code gongkai.calendar.refresh-interval} (default 30 seconds), because the cache compares a
 * cheap fingerprint of the tables with the one it was loaded at, at most once per interval.
 */
@Service
public class CalendarService {

    /** {@code calendar_year.source} of a year entered by an administrator. */
    static final String ENTERED_BY_ADMINISTRATOR = "管理员录入";

    private final CalendarStore store;
    private final ObjectProvider<DeadlineRecomputation> recomputations;
    private final Clock clock;
    private final long refreshIntervalNanos;

    /** Null when the next {@link #current()} must reload whatever the fingerprint says. */
    private volatile Cached cached;

    private record Cached(WorkingDayCalendar calendar, Fingerprint fingerprint, long checkedAtNanos) {
    }

    /*
     * The recomputations are looked up when a change is made, not injected as a list: the module
     * implementing them depends on this service, and a list would close the circle.
     */
    CalendarService(CalendarStore store, ObjectProvider<DeadlineRecomputation> recomputations, Clock clock,
                    @Value("${gongkai.calendar.refresh-interval:30s}") Duration refreshInterval) {
        this.store = store;
        this.recomputations = recomputations;
        this.clock = clock;
        this.refreshIntervalNanos = refreshInterval.toNanos();
    }

    /**
     * The calendar as last committed, by this instance at once, by another within the refresh
     * interval.
     */
    public WorkingDayCalendar current() {
        Cached known = cached;
        if (known != null && System.nanoTime() - known.checkedAtNanos() < refreshIntervalNanos) {
            return known.calendar();
        }
        return refresh().calendar();
    }

    /** The end of {@code period} on the current calendar; see {@link WorkingDayCalendar#due}. */
    public Deadline due(StatutoryPeriod period) {
        return current().due(period);
    }

    /** {@link WorkingDayCalendar#addWorkingDays} on the current calendar. */
    public Deadline addWorkingDays(LocalDate start, int workingDays) {
        return current().addWorkingDays(start, workingDays);
    }

    /**
     * Replaces the whole calendar of {@code year} with the given days, then has every
     * {@link DeadlineRecomputation} recompute its open deadlines on the new calendar, and logs the
     * change with the days added and removed and the deadlines that moved. All of it happens in
     * one transaction: if any step fails, nothing changes.
     *
     * @param holidays         the year's non-working holidays, date to name; required, may be empty
     * @param adjustedWorkdays the weekend days worked (调休上班), date to name; required, may be empty
     * @param changedBy        the administrator's user name
     * @return the logged change, with the moved deadlines
     * @throws CalendarInputRejected if the days break a rule of {@link CalendarYear}; nothing is stored
     */
    @Transactional
    public CalendarChange replaceYear(int year, Map<LocalDate, String> holidays,
                                      Map<LocalDate, String> adjustedWorkdays, String changedBy) {
        if (changedBy == null || changedBy.isBlank()) {
            throw new IllegalArgumentException("a calendar change needs the administrator's name");
        }
        CalendarYear replacement = new CalendarYear(year, holidays, adjustedWorkdays);
        // PostgreSQL keeps microseconds: truncating here makes the returned change equal the logged one
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        forgetCacheWhenTransactionEnds();
        Optional<CalendarYear> before = store.replaceYear(replacement, ENTERED_BY_ADMINISTRATOR, now, changedBy);
        WorkingDayCalendar after = store.load();
        List<MovedDeadline> moved = recomputations.orderedStream()
                .flatMap(recomputation -> recomputation.recomputeOpenDeadlines(after).stream())
                .sorted(Comparator.comparing(MovedDeadline::registrationNumber,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<CalendarDay> previousDays = before.map(CalendarYear::days).orElse(List.of());
        return store.appendChange(year, now, changedBy,
                daysOnlyIn(replacement.days(), previousDays), daysOnlyIn(previousDays, replacement.days()), moved);
    }

    /** The log of administrator changes, newest first: of {@code year}, or of all years when empty. */
    public List<CalendarChange> changes(OptionalInt year) {
        return store.changes(year);
    }

    private static List<CalendarDay> daysOnlyIn(List<CalendarDay> days, List<CalendarDay> others) {
        Set<CalendarDay> excluded = new HashSet<>(others);
        return days.stream().filter(day -> !excluded.contains(day)).toList();
    }

    private synchronized Cached refresh() {
        Cached known = cached;
        long now = System.nanoTime();
        if (known != null && now - known.checkedAtNanos() < refreshIntervalNanos) {
            return known; // another thread refreshed while this one waited
        }
        // the fingerprint is read before the days: a change committed in between is caught next time
        Fingerprint fingerprint = store.fingerprint();
        Cached next = known != null && known.fingerprint().equals(fingerprint)
                ? new Cached(known.calendar(), fingerprint, now)
                : new Cached(store.load(), fingerprint, now);
        cached = next;
        return next;
    }

    /*
     * Whether the change commits or rolls back, the cache may hold what this transaction saw
     * (a recomputation may have called current() inside it): drop it when the transaction ends.
     * Synchronized with refresh() so that a reload running meanwhile cannot put old days back.
     */
    private void forgetCacheWhenTransactionEnds() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a calendar change must run in a transaction");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                forgetCache();
            }
        });
    }

    private synchronized void forgetCache() {
        cached = null;
    }
}
