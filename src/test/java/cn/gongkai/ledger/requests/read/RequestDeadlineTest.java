package cn.gongkai.ledger.requests.read;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.calendar.Deadline;
import cn.gongkai.ledger.calendar.OfficialCalendar;
import cn.gongkai.ledger.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.ConsultedParty;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.FeeMethod;
import cn.gongkai.ledger.requests.events.ApplicantDetails;
import cn.gongkai.ledger.requests.events.ConsultationAnswered;
import cn.gongkai.ledger.requests.events.ConsultationStarted;
import cn.gongkai.ledger.requests.events.CorrectionReceived;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.events.DeadlineExtended;
import cn.gongkai.ledger.requests.events.FeeNoticeIssued;
import cn.gongkai.ledger.requests.events.FeePaid;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestReceived;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An application's answer deadline from its events, on the official calendar: the same dates
 * counted by hand in {@code WorkingDayCalendarTest}, reached through the request's own history.
 */
class RequestDeadlineTest {

    static final UUID ID = UUID.randomUUID();
    private static final WorkingDayCalendar CALENDAR = OfficialCalendar.calendar();

    private final StatutoryDeadlines deadlines = new StatutoryDeadlines(null, true);

    @Test
    void receivedBeforeTheSpringFestivalItIsDueAfterTheHolidayWeekAndItsWorkingSaturdays() {
        Deadline due = due(received(LocalDate.of(2026, 2, 12)));
        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2026, 3, 18));
    }

    @Test
    void acrossTheNationalDayTheWorkingSaturdayCounts() {
        Deadline due = due(received(LocalDate.of(2025, 9, 26)));
        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 10, 30));
    }

    @Test
    void aCorrectionRestartsThePeriodAndWhileAwaitedNoClockRuns() {
        RequestFile awaiting = fold(received(LocalDate.of(2026, 3, 2)),
                new CorrectionRequested(ID, "请写明文件名称", LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 18)));
        assertThat(deadlines.of(awaiting, CALENDAR)).isEmpty();

        Deadline due = due(received(LocalDate.of(2026, 3, 2)),
                new CorrectionRequested(ID, "请写明文件名称", LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 18)),
                new CorrectionReceived(ID, LocalDate.of(2026, 3, 20)));
        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2026, 4, 20));
    }

    @Test
    void aConsultationPausesTheClockAndTheExtensionAddsTwentyWorkingDays() {
        RequestEvent[] events = {
                received(LocalDate.of(2026, 4, 20)),
                new ConsultationStarted(ID, ConsultedParty.THIRD_PARTY, "某公司", LocalDate.of(2026, 4, 24)),
                new ConsultationAnswered(ID, LocalDate.of(2026, 5, 15)),
                new DeadlineExtended(ID, 20, "需征求多方意见", "reviewer", LocalDate.of(2026, 5, 18))};
        assertThat(due(events).dueOn()).isEqualTo(LocalDate.of(2026, 7, 7));
    }

    @Test
    void anOpenConsultationLeavesNoDateButAPausedClock() {
        Deadline due = due(received(LocalDate.of(2026, 4, 20)),
                new ConsultationStarted(ID, ConsultedParty.OTHER_AGENCY, "市财政局", LocalDate.of(2026, 4, 24)));
        assertThat(due.paused()).isTrue();
        assertThat(due.dueOn()).isNull();
    }

    @Test
    void aFeePeriodStopsTheClockOnlyWhenConfiguredTo() {
        RequestEvent[] events = {
                received(LocalDate.of(2026, 4, 20)),
                new FeeNoticeIssued(ID, FeeMethod.PER_PAGE, 150, 170_000, null, LocalDate.of(2026, 4, 24),
                        LocalDate.of(2026, 5, 22)),
                new FeePaid(ID, 170_000, LocalDate.of(2026, 5, 15))};
        // paused: 21–24 Apr = 1..4, 25 Apr–15 May not counted, 18–22 May = 5..9, 25–29 May = 10..14,
        //   1–5 Jun = 15..19, 8 Jun = 20
        assertThat(deadlines.of(fold(events), CALENDAR).orElseThrow().dueOn())
                .as("paused like a consultation").isEqualTo(LocalDate.of(2026, 6, 8));
        // not paused: 21–24 Apr = 1..4, 27–30 Apr = 5..8, 1–5 May 劳动节 off, 6–8 May = 9..11,
        //   9 May (Sat, 调休上班) = 12, 11–15 May = 13..17, 18–20 May = 18..20
        assertThat(new StatutoryDeadlines(null, false).of(fold(events), CALENDAR).orElseThrow().dueOn())
                .as("not paused").isEqualTo(LocalDate.of(2026, 5, 20));
    }

    private Deadline due(RequestEvent... events) {
        return deadlines.of(fold(events), CALENDAR).orElseThrow();
    }

    static RequestFile fold(RequestEvent... events) {
        RequestFile file = new RequestFile();
        for (int i = 0; i < events.length; i++) {
            file.apply(events[i], i);
        }
        return file;
    }

    static RequestReceived received(LocalDate on) {
        return new RequestReceived(ID, "kaifaqu", on.getYear() + "-0001", Channel.IN_PERSON, on, on,
                ApplicantCategory.NATURAL_PERSON, new ApplicantDetails("张三", null, null, null, null), "某文件",
                DeliveryForm.PAPER_COLLECTED);
    }
}
