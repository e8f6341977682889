package cn.gongkai.ledger.requests;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How an application's answer deadline (条例 第三十三条) was counted, for a case handler to check
 * by hand: the steps (the receipt-date rule applied, a correction restarting the count, the pauses,
 * the extension, the result) and every day walked, from the day that starts the clock to the due
 * date, each with what the official calendar says of it and the number it was counted as.
 *
 * <p>Computed by the walk that computes every due date of the service
 * ({@code WorkingDayCalendar.count}), so {@code dueOn} is the due date the register shows. No
 * personal data.
 *
 * @param requestId          the application
 * @param registrationNumber its 登记号
 * @param status             where it stands
 * @param statusLabel        the status in Chinese
 * @param clockRuns          whether its clock is running now (false once concluded, or while a
 *                           correction is awaited)
 * @param answerWorkingDays  the period of 第三十三条, 20 working days
 * @param extensionWorkingDays the working days added by the extension, 0 without one
 * @param steps              the explanation, in order
 * @param days               every day walked, in order; empty while a correction is awaited
 * @param dueOn              the due date; null while a correction is awaited or a pause holds the clock
 * @param paused             whether an open pause holds the clock (then {@code dueOn} is null)
 * @param provisional        whether a counted day lies in a year without an official calendar
 * @param note               for a provisional deadline, the sentence naming the years without a
 *                           calendar (Chinese / English); null otherwise
 */
public record DeadlineWorkings(
        UUID requestId,
        String registrationNumber,
        RequestStatus status,
        String statusLabel,
        boolean clockRuns,
        int answerWorkingDays,
        int extensionWorkingDays,
        List<Step> steps,
        List<Day> days,
        LocalDate dueOn,
        boolean paused,
        boolean provisional,
        String note) {

    public DeadlineWorkings {
        steps = List.copyOf(steps);
        days = List.copyOf(days);
    }

    /** The kinds of step of the explanation. */
    public enum StepKind {
        /** The legal receipt date and the channel's rule (条例 第三十一条). */
        RECEIVED,
        /** The applicant was asked to correct the application (第三十条). */
        CORRECTION_REQUESTED,
        /** The corrected application arrived: the count starts again from that day. */
        CORRECTION_RECEIVED,
        /** The period: from which day, how many working days. */
        PERIOD,
        /** A consultation of a third party or another agency; its days are not counted. */
        CONSULTATION,
        /** The time allowed to pay the fee; its days are not counted when so configured. */
        FEE,
        /** The one extension. */
        EXTENSION,
        /** The due date. */
        DUE,
        /** No date while a correction is awaited or a pause holds the clock. */
        NO_DATE,
        /** A counted day in a year without an official calendar. */
        PROVISIONAL,
        /** The application is concluded: the due date it had. */
        CONCLUDED
    }

    /**
     * One step of the explanation.
     *
     * @param kind  what the step is
     * @param from  the day it happened or began; null if it has no date
     * @param to    the day it ended, for a stretch; null otherwise or while it lasts
     * @param label a short Chinese title, e.g. 收到申请
     * @param text  the explanation in Chinese
     */
    public record Step(StepKind kind, LocalDate from, LocalDate to, String label, String text) {
    }

    /** What a day was in the count. */
    public enum DayKind {
        /** The day that starts the clock (receipt, or receipt of the corrected application); not counted. */
        START,
        /** An ordinary working day, counted. */
        WORKING_DAY,
        /** A Saturday or Sunday worked by the holiday notice (调休上班), counted. */
        ADJUSTED_WORKDAY,
        /** A Saturday or Sunday, skipped. */
        WEEKEND,
        /** A public holiday, skipped. */
        HOLIDAY,
        /** A day of a consultation, not counted. */
        CONSULTATION,
        /** A day of the fee period, not counted. */
        FEE
    }

    /**
     * One day walked.
     *
     * @param date            the day
     * @param weekday         星期一 … 星期日
     * @param kind            what it was in the count
     * @param label           in Chinese, e.g. 工作日, 国庆节, 国庆节调休上班, 周末, 征求意见期间不计算（国庆节）
     * @param countedAs       its number in the period (1 … 20, 21 … 40 in the extension), null if not counted
     * @param extension       whether it was counted in the extension's working days
     * @param withoutCalendar whether its year has no official calendar (judged on weekends alone)
     * @param dueDay          whether it is the due date
     */
    public record Day(LocalDate date, String weekday, DayKind kind, String label, Integer countedAs,
                      boolean extension, boolean withoutCalendar, boolean dueDay) {
    }
}
