package cn.gongkai.ledger.requests.read;

import cn.gongkai.ledger.calendar.CalendarService;
import cn.gongkai.ledger.calendar.Deadline;
import cn.gongkai.ledger.calendar.Pause;
import cn.gongkai.ledger.calendar.StatutoryPeriod;
import cn.gongkai.ledger.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.requests.DeadlineWorkings;
import cn.gongkai.ledger.requests.RequestStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The answer deadline of an application (条例 第三十三条): 20 working days after the clock starts
 * (receipt, or the corrected application's arrival), not counting consultation pauses, plus the
 * one extension. Whether a fee notice stops the clock until payment is not settled by the statute
 * text we hold: {@code gongkai.deadlines.fee-period-stops-clock} decides (default: it does).
 */
@Component
public class StatutoryDeadlines {

    /** 条例 第三十三条: the answer period. */
    public static final int ANSWER_WORKING_DAYS = 20;

    private final CalendarService calendar;
    private final boolean feePeriodStopsClock;

    StatutoryDeadlines(CalendarService calendar,
                       @Value("${gongkai.deadlines.fee-period-stops-clock:true}") boolean feePeriodStopsClock) {
        this.calendar = calendar;
        this.feePeriodStopsClock = feePeriodStopsClock;
    }

    /**
     * Deadlines computed only on a calendar given to each call ({@link #of(RequestFile, WorkingDayCalendar)},
     * {@link #workings(RequestFile, WorkingDayCalendar)}), for renderers tested without the service.
     */
    public static StatutoryDeadlines onGivenCalendars(boolean feePeriodStopsClock) {
        return new StatutoryDeadlines(null, feePeriodStopsClock);
    }

    /** The deadline on the current calendar; empty when no clock runs (concluded, awaiting correction). */
    public Optional<Deadline> of(RequestFile file) {
        return of(file, calendar.current());
    }

    /** The deadline on a given calendar, for recomputing after a calendar change. */
    public Optional<Deadline> of(RequestFile file, WorkingDayCalendar workingDays) {
        if (!file.clockRuns()) {
            return Optional.empty();
        }
        return Optional.of(workingDays.due(period(file)));
    }

    /** How the deadline of {@link #of(RequestFile)} is counted, day by day, on the current calendar. */
    public DeadlineWorkings workings(RequestFile file) {
        return workings(file, calendar.current());
    }

    /**
     * How the deadline is counted on a given calendar: the same period walked by the same code as
     * {@link #of(RequestFile, WorkingDayCalendar)}, so that the two cannot disagree. A concluded
     * application shows the deadline it had; one awaiting a correction has no days.
     */
    public DeadlineWorkings workings(RequestFile file, WorkingDayCalendar workingDays) {
        if (file.status() == RequestStatus.AWAITING_CORRECTION) {
            return WorkingsExplanation.of(file, null, List.of(), feePeriodStopsClock);
        }
        return WorkingsExplanation.of(file, workingDays.count(period(file)), countedPauses(file), feePeriodStopsClock);
    }

    private StatutoryPeriod period(RequestFile file) {
        var pauses = countedPauses(file).stream().map(p -> new Pause(p.from(), p.to())).toList();
        return new StatutoryPeriod(file.clockStartsAfter(), ANSWER_WORKING_DAYS + file.extensionWorkingDays(), pauses);
    }

    /** The pauses that stop the clock: consultations, and fee periods unless configured otherwise. */
    private List<RequestFile.Pause> countedPauses(RequestFile file) {
        return file.pauses().stream()
                .filter(p -> p.kind() == RequestFile.PauseKind.CONSULTATION || feePeriodStopsClock)
                .toList();
    }
}
