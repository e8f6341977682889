package cn.gongkai.ledger.requests.read;

import cn.gongkai.ledger.calendar.CalendarDay;
import cn.gongkai.ledger.calendar.CountedDay;
import cn.gongkai.ledger.calendar.CountedPeriod;
import cn.gongkai.ledger.calendar.DayKind;
import cn.gongkai.ledger.calendar.Deadline;
import cn.gongkai.ledger.calendar.Pause;
import cn.gongkai.ledger.requests.DeadlineWorkings;
import cn.gongkai.ledger.requests.DeadlineWorkings.Day;
import cn.gongkai.ledger.requests.DeadlineWorkings.Step;
import cn.gongkai.ledger.requests.DeadlineWorkings.StepKind;
import cn.gongkai.ledger.requests.RequestStatus;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Words for a counted period: turns the calendar's day-by-day walk of an application's period into
 * {@link DeadlineWorkings}. It counts nothing itself; every number comes from the walk.
 */
final class WorkingsExplanation {

    private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

    private WorkingsExplanation() {
    }

    /**
     * @param counted the walk of the file's period, or null while a correction is awaited
     * @param pauses  the pauses of the file given to the period, in the same order
     * @param feeStopsClock whether fee periods stop the clock (else they are shown but not left out)
     */
    static DeadlineWorkings of(RequestFile file, CountedPeriod counted, List<RequestFile.Pause> pauses,
                               boolean feeStopsClock) {
        int answerDays = StatutoryDeadlines.ANSWER_WORKING_DAYS;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(StepKind.RECEIVED, file.receivedOn(), null, "收到申请",
                file.channel().label() + "：" + file.channel().receiptDateRule() + "。收到申请之日为 "
                        + dated(file.receivedOn()) + "。"));
        if (file.correctionRequestedOn() != null) {
            steps.add(new Step(StepKind.CORRECTION_REQUESTED, file.correctionRequestedOn(), file.correctionDueOn(),
                    "要求补正", "于 " + dated(file.correctionRequestedOn()) + " 一次性告知申请人补正，补正期限至 "
                            + dated(file.correctionDueOn()) + "（条例第三十条）。"));
        }
        if (file.status() == RequestStatus.AWAITING_CORRECTION) {
            steps.add(new Step(StepKind.NO_DATE, null, null, "等待补正",
                    "答复期限自收到补正后的申请之日起重新计算；补正材料收到前暂无答复期限。"));
            return new DeadlineWorkings(file.requestId(), file.registrationNumber(), file.status(),
                    file.status().label(), false, answerDays, file.extensionWorkingDays(), steps, List.of(), null,
                    false, false, null);
        }
        boolean restarted = file.correctionRequestedOn() != null;
        if (restarted) {
            steps.add(new Step(StepKind.CORRECTION_RECEIVED, file.clockStartsAfter(), null, "收到补正",
                    "于 " + dated(file.clockStartsAfter()) + " 收到补正后的申请，答复期限自该日起重新计算，"
                            + "此前已计算的日数不再计入。"));
        }
        steps.add(new Step(StepKind.PERIOD, file.clockStartsAfter(), null, "起算",
                "答复期限为" + answerDays + "个工作日（条例第三十三条），自" + (restarted ? "收到补正申请" : "收到申请")
                        + "之日（" + dated(file.clockStartsAfter()) + "，当日不计入）的次日起，按工作日逐日计算；"
                        + "周末、法定节假日不计算，调休上班日计算。"));
        List<CountedDay> walked = counted.days();
        for (int i = 0; i < pauses.size(); i++) {
            steps.add(pauseStep(pauses.get(i), counted.period().pauses().get(i), walked));
        }
        if (!feeStopsClock) {
            file.pauses().stream().filter(p -> p.kind() == RequestFile.PauseKind.FEE).forEach(p ->
                    steps.add(new Step(StepKind.FEE, p.from(), p.to(), "缴费期间",
                            "本机关设定缴费期间不停止计算期限，该期间的工作日照常计算。")));
        }
        if (file.extensionWorkingDays() > 0) {
            steps.add(new Step(StepKind.EXTENSION, null, null, "延长期限",
                    "经政府信息公开工作机构负责人同意并告知申请人，延长答复期限" + file.extensionWorkingDays()
                            + "个工作日，合计" + (answerDays + file.extensionWorkingDays()) + "个工作日。"));
        }
        Deadline deadline = counted.deadline();
        if (deadline.paused()) {
            steps.add(new Step(StepKind.NO_DATE, null, null, "暂停计算",
                    "暂停期间（征求意见或等待缴费）尚未结束，期限暂停计算，结束后自次日起继续计算。"));
        } else {
            steps.add(new Step(StepKind.DUE, deadline.dueOn(), null, "答复期限",
                    "第" + counted.period().workingDays() + "个工作日为 " + dated(deadline.dueOn())
                            + "，即答复期限届满之日。"));
        }
        if (deadline.provisional()) {
            steps.add(new Step(StepKind.PROVISIONAL, null, null, "日历未公布", deadline.message()));
        }
        if (!file.status().isOpen()) {
            steps.add(new Step(StepKind.CONCLUDED, file.concludedOn(), null, "已办结",
                    "本申请已于 " + dated(file.concludedOn()) + " 办结；以上为办结时的答复期限。"));
        }
        List<Day> days = new ArrayList<>();
        for (CountedDay day : walked) {
            String start = walked.getFirst() == day ? (restarted ? "收到补正申请之日（不计入）" : "收到申请之日（不计入）") : null;
            days.add(day(day, start, pauses, counted.period().pauses(), answerDays,
                    !deadline.paused() && day.date().equals(deadline.dueOn())));
        }
        return new DeadlineWorkings(file.requestId(), file.registrationNumber(), file.status(), file.status().label(),
                file.clockRuns(), answerDays, file.extensionWorkingDays(), steps, days, deadline.dueOn(),
                deadline.paused(), deadline.provisional(), deadline.message());
    }

    private static Step pauseStep(RequestFile.Pause pause, Pause given, List<CountedDay> walked) {
        long excluded = walked.stream().filter(d -> given.equals(d.pausedBy()) && d.workingDay()).count();
        boolean consultation = pause.kind() == RequestFile.PauseKind.CONSULTATION;
        String what = consultation ? "征求第三方或其他机关意见" : "等待申请人缴纳信息处理费";
        String span = pause.to() == null
                ? "自 " + dated(pause.from()) + " 起，尚未结束"
                : dated(pause.from()) + " 至 " + dated(pause.to());
        String text = what + "（" + span + "）：开始当日照常计算，" + (pause.to() == null ? "其后各日" : "次日起至结束当日")
                + "不计算" + (consultation ? "（条例第三十三条）" : "") + "；期限内因此未计算的工作日 " + excluded + " 个。";
        return new Step(consultation ? StepKind.CONSULTATION : StepKind.FEE, pause.from(), pause.to(),
                consultation ? "征求意见" : "缴费期间", text);
    }

    /** @param start the label of the day that starts the clock, null for every other day */
    private static Day day(CountedDay day, String start, List<RequestFile.Pause> pauses, List<Pause> given,
                           int answerDays, boolean dueDay) {
        String weekday = WEEKDAYS[day.date().getDayOfWeek().getValue() - 1];
        String calendarLabel = calendarLabel(day);
        Integer countedAs = day.counted() ? day.countedAs() : null;
        boolean extension = day.countedAs() > answerDays;
        if (start != null) {
            return new Day(day.date(), weekday, DeadlineWorkings.DayKind.START, start, null, false,
                    false, dueDay);
        }
        if (day.pausedBy() != null) {
            RequestFile.PauseKind kind = pauses.get(given.indexOf(day.pausedBy())).kind();
            boolean consultation = kind == RequestFile.PauseKind.CONSULTATION;
            String label = (consultation ? "征求意见期间不计算" : "缴费期间不计算")
                    + (day.workingDay() && day.listed() == null ? "" : "（" + calendarLabel + "）");
            return new Day(day.date(), weekday,
                    consultation ? DeadlineWorkings.DayKind.CONSULTATION : DeadlineWorkings.DayKind.FEE, label, null,
                    false, false, dueDay);
        }
        DeadlineWorkings.DayKind kind;
        if (day.workingDay()) {
            kind = day.listed() != null ? DeadlineWorkings.DayKind.ADJUSTED_WORKDAY : DeadlineWorkings.DayKind.WORKING_DAY;
        } else {
            kind = day.listed() != null ? DeadlineWorkings.DayKind.HOLIDAY : DeadlineWorkings.DayKind.WEEKEND;
        }
        return new Day(day.date(), weekday, kind, calendarLabel, countedAs, extension, day.withoutCalendar(), dueDay);
    }

    /** What the calendar says of the day: the name in the holiday notice, else 工作日 or 周末. */
    private static String calendarLabel(CountedDay day) {
        CalendarDay listed = day.listed();
        if (listed != null) {
            boolean named = listed.kind() == DayKind.HOLIDAY || listed.name().contains("调休");
            return named ? listed.name() : listed.name() + "（调休上班）";
        }
        if (day.workingDay()) {
            return "工作日";
        }
        DayOfWeek weekday = day.date().getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? "周末" : "非工作日";
    }

    private static String dated(LocalDate date) {
        return date == null ? "—" : date + "（" + WEEKDAYS[date.getDayOfWeek().getValue() - 1] + "）";
    }
}
