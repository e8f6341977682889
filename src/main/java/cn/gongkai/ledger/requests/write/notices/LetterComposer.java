package cn.gongkai.ledger.requests.write.notices;

import cn.gongkai.ledger.calendar.Deadline;
import cn.gongkai.ledger.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.AnswerDrafted;
import cn.gongkai.ledger.requests.events.ConsultationStarted;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.events.DeadlineExtended;
import cn.gongkai.ledger.requests.events.FeeNoticeIssued;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.requests.read.RequestFile;
import cn.gongkai.ledger.requests.read.StatutoryDeadlines;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Composes a notice from an application's events, the agency's letterhead and text: every date,
 * period and due date comes from the events and from {@link StatutoryDeadlines} on the working-day
 * calendar, the code that computes the register's deadlines, so a letter cannot announce a due date
 * the register does not hold. The applicant's name and address come decrypted with the events, for
 * this rendering only.
 */
public final class LetterComposer {

    /** 条例 第三十二条: the third party answers within 15 working days of receiving the letter. */
    static final int CONSULTATION_WORKING_DAYS = 15;

    private final StatutoryDeadlines deadlines;

    public LetterComposer(StatutoryDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    /**
     * @param events         the application's events in order (decrypted)
     * @param outcome        for the answer letter, the outcome it states
     * @param documentNumber the 文号, or a preview mark
     * @param issuedOn       the date printed
     */
    public Letter compose(List<RequestEvent> events, NoticeKind kind, Outcome outcome, Letterhead letterhead,
                          Template template, String documentNumber, LocalDate issuedOn, WorkingDayCalendar calendar) {
        Map<String, String> values = new HashMap<>();
        RequestFile file = new RequestFile();
        RequestFile beforeExtension = null;
        RequestFile atReceipt = null;
        RequestReceived received = null;
        long sequence = 0;
        for (RequestEvent event : events) {
            if (event instanceof DeadlineExtended e) {
                beforeExtension = copyOf(events, event);
                values.put("延长工作日", Integer.toString(e.workingDays()));
                values.put("延期理由", e.reason());
            }
            file.apply(event, sequence++);
            switch (event) {
                case RequestReceived e -> {
                    received = e;
                    atReceipt = copyOf(events, null);
                }
                case CorrectionRequested e -> {
                    values.put("补正事项", e.whatIsUnclear());
                    values.put("告知补正日期", date(e.requestedOn()));
                    values.put("补正期限", date(e.correctionDueOn()));
                }
                case ConsultationStarted e -> {
                    values.put("征求意见对象", e.consulted());
                    values.put("征求意见日期", date(e.startedOn()));
                    values.put("提出意见期限", date(calendar.addWorkingDays(
                            kind == NoticeKind.CONSULTATION_LETTER ? issuedOn : e.startedOn(),
                            CONSULTATION_WORKING_DAYS).dueOn()));
                }
                case FeeNoticeIssued e -> {
                    values.put("收费方式", e.method().label());
                    values.put("收费数量", switch (e.method()) {
                        case PER_APPLICATION -> "本月第" + e.quantity() + "件申请";
                        case PER_PAGE -> e.quantity() + "页";
                        case ENTERED -> e.reason();
                    });
                    values.put("收费金额", yuan(e.amountFen()));
                    values.put("收费通知日期", date(e.issuedOn()));
                    values.put("缴费期限", date(e.payableBy()));
                }
                case AnswerDrafted e -> values.put("答复正文", e.text());
                default -> {
                }
            }
        }
        if (received == null) {
            throw new IllegalArgumentException("an application's events start with its receipt");
        }
        values.put("申请人", received.applicant() == null ? "" : received.applicant().name());
        values.put("登记号", received.registrationNumber());
        values.put("收到申请日期", date(received.receivedOn()));
        values.put("申请渠道", received.channel().label());
        values.put("申请内容", received.informationRequested());
        values.put("答复期限", dueOn(atReceipt, calendar));
        if (beforeExtension != null) {
            values.put("原答复期限", dueOn(beforeExtension, calendar));
            values.put("延长后答复期限", dueOn(file, calendar));
        }
        values.put("机关名称", letterhead.agencyName());
        values.put("出具日期", date(issuedOn));
        List<String> paragraphs = new ArrayList<>();
        if (kind == NoticeKind.ANSWER) {
            values.put("办理结果", (outcome.group() == null ? "" : outcome.group() + "·") + outcome.label());
            values.put("法律依据", LegalBasis.of(outcome));
            paragraphs.addAll(Placeholders.fill(template.body(), values));
            paragraphs.add(LegalBasis.remedies(letterhead.reconsiderationAuthority(), letterhead.court()));
        } else {
            paragraphs.addAll(Placeholders.fill(template.body(), values));
        }
        String addressee = kind == NoticeKind.CONSULTATION_LETTER ? values.get("征求意见对象") : values.get("申请人");
        String address = kind == NoticeKind.CONSULTATION_LETTER || received.applicant() == null
                ? null : received.applicant().address();
        return new Letter(kind, letterhead.agencyName(), kind.title(), documentNumber, addressee, paragraphs,
                letterhead.sealText(), date(issuedOn), address);
    }

    private String dueOn(RequestFile file, WorkingDayCalendar calendar) {
        return deadlines.of(file, calendar).map(Deadline::dueOn).map(LetterComposer::date).orElse("（期限中止）");
    }

    /** The file folded from the events before {@code stopAt} (all of them up to the receipt when null). */
    private static RequestFile copyOf(List<RequestEvent> events, RequestEvent stopAt) {
        RequestFile file = new RequestFile();
        long sequence = 0;
        for (RequestEvent event : events) {
            if (event == stopAt) {
                break;
            }
            file.apply(event, sequence++);
            if (stopAt == null && event instanceof RequestReceived) {
                break;
            }
        }
        return file;
    }

    /** 2026年3月8日: Arabic numerals without leading zeros (GB/T 9704-2012 7.3.5.3). */
    static String date(LocalDate date) {
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 1,000.00元 from 分, exactly. */
    static String yuan(long fen) {
        return String.format("%,.2f元", BigDecimal.valueOf(fen, 2));
    }

}
