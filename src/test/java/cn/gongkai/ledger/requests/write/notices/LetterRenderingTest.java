package cn.gongkai.ledger.requests.write.notices;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.calendar.OfficialCalendar;
import cn.gongkai.ledger.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.documents.Pdf;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.ConsultedParty;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.FeeMethod;
import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.AnswerApproved;
import cn.gongkai.ledger.requests.events.AnswerDrafted;
import cn.gongkai.ledger.requests.events.ApplicantDetails;
import cn.gongkai.ledger.requests.events.ConsultationStarted;
import cn.gongkai.ledger.requests.events.CorrectionReceived;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.events.DeadlineExtended;
import cn.gongkai.ledger.requests.events.FeeNoticeIssued;
import cn.gongkai.ledger.requests.events.RequestAnswered;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestLapsed;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.requests.read.StatutoryDeadlines;
import java.io.ByteArrayInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every notice kind and every outcome row of part 三, rendered from events on the official calendar: the
 * right legal basis (checked against the statute's articles written out here, not against
 * {@link LegalBasis}), the dates and due dates the register computes, and the remedies at the end of
 * every answer letter.
 */
class LetterRenderingTest {

    private static final WorkingDayCalendar CALENDAR = OfficialCalendar.calendar();
    private static final UUID ID = UUID.fromString("5a0e8c1d-3b2f-4e6a-9c7d-1f2e3d4c5b6a");
    private static final LocalDate RECEIVED_ON = LocalDate.of(2026, 3, 2);
    private static final Letterhead LETTERHEAD = new Letterhead(2, "驻马店经济开发区管委会", "驻经开公开",
            "驻马店经济开发区管委会", "驻马店市人民政府", "驻马店市驿城区人民法院", "admin-kaifaqu", null);
    private static final String REMEDIES = "如对本答复不服，可以自收到本答复书之日起60日内向驻马店市人民政府申请行政复议，"
            + "或者自收到本答复书之日起6个月内向驻马店市驿城区人民法院提起行政诉讼。";

    /** The articles of 条例 (2019) each row rests on, as an office would cite them. */
    private static final Map<Outcome, String> ARTICLES = new EnumMap<>(Map.ofEntries(
            Map.entry(Outcome.DISCLOSED, "条例》第三十六条第（二）项"),
            Map.entry(Outcome.PARTIALLY_DISCLOSED, "条例》第三十七条"),
            Map.entry(Outcome.WITHHELD_STATE_SECRET, "条例》第十四条"),
            Map.entry(Outcome.WITHHELD_PROHIBITED_BY_LAW, "条例》第十四条"),
            Map.entry(Outcome.WITHHELD_ENDANGERS_SAFETY_STABILITY, "条例》第十四条"),
            Map.entry(Outcome.WITHHELD_THIRD_PARTY_RIGHTS, "条例》第十五条"),
            Map.entry(Outcome.WITHHELD_INTERNAL_AFFAIRS, "条例》第十六条第一款"),
            Map.entry(Outcome.WITHHELD_PROCESS_INFORMATION, "条例》第十六条第二款"),
            Map.entry(Outcome.WITHHELD_ENFORCEMENT_CASE_FILE, "条例》第十六条第二款"),
            Map.entry(Outcome.WITHHELD_ADMINISTRATIVE_INQUIRY, "条例》第三十六条第（七）项"),
            Map.entry(Outcome.UNAVAILABLE_NOT_HELD, "条例》第三十六条第（四）项"),
            Map.entry(Outcome.UNAVAILABLE_REQUIRES_COMPILATION, "条例》第三十八条"),
            Map.entry(Outcome.UNAVAILABLE_UNCLEAR_AFTER_CORRECTION, "条例》第二十九条第二款、第三十条"),
            Map.entry(Outcome.NOT_PROCESSED_PETITION_OR_COMPLAINT, "条例》第三十九条第一款"),
            Map.entry(Outcome.NOT_PROCESSED_DUPLICATE, "条例》第三十六条第（六）项"),
            Map.entry(Outcome.NOT_PROCESSED_PUBLICATION, "条例》第三十九条第二款"),
            Map.entry(Outcome.NOT_PROCESSED_EXCESSIVE, "条例》第三十五条"),
            Map.entry(Outcome.NOT_PROCESSED_CONFIRMATION_OR_REISSUE, "条例》第二条"),
            Map.entry(Outcome.OTHER_CORRECTION_NOT_SUBMITTED, "条例》第三十条"),
            Map.entry(Outcome.OTHER_FEE_NOT_PAID, "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"),
            Map.entry(Outcome.OTHER_OTHER, "条例》第三十六条")));

    private final LetterComposer composer = new LetterComposer(StatutoryDeadlines.onGivenCalendars(true));

    private static RequestReceived received() {
        return new RequestReceived(ID, "kaifaqu", "2026-0042", Channel.POST, RECEIVED_ON, RECEIVED_ON,
                ApplicantCategory.NATURAL_PERSON,
                new ApplicantDetails("张三", "居民身份证", "410102199001011234", "13800138000", "驻马店市开源大道1号"),
                "2025年老旧小区改造项目清单", DeliveryForm.PAPER_BY_POST);
    }

    private Letter letter(List<RequestEvent> events, NoticeKind kind, Outcome outcome, LocalDate on) {
        Template template = new Template(kind, outcome, 0, DefaultTexts.of(kind, outcome), null, null);
        return composer.compose(events, kind, outcome, LETTERHEAD, template, "驻经开公开〔2026〕7号", on, CALENDAR);
    }

    private static String text(Letter letter) {
        return String.join("\n", letter.paragraphs());
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void everyOutcomeRowsAnswerQuotesItsLegalBasisAndEndsWithTheRemedies(Outcome outcome) {
        List<RequestEvent> events = new ArrayList<>(List.of(received()));
        LocalDate concludedOn = LocalDate.of(2026, 3, 27);
        switch (outcome) {
            case OTHER_CORRECTION_NOT_SUBMITTED -> {
                events.add(new CorrectionRequested(ID, "请写明文件名称", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 17)));
                events.add(new RequestLapsed(ID, outcome, concludedOn));
            }
            case OTHER_FEE_NOT_PAID -> {
                events.add(new FeeNoticeIssued(ID, FeeMethod.PER_PAGE, 150, 170_000, null, LocalDate.of(2026, 3, 4),
                        LocalDate.of(2026, 3, 20)));
                events.add(new RequestLapsed(ID, outcome, concludedOn));
            }
            default -> {
                events.add(new AnswerDrafted(ID, 1, outcome, "（拟稿人所写依据）", "具体情况详见附件。", "handler", LocalDate.of(2026, 3, 25)));
                events.add(new AnswerApproved(ID, 1, "reviewer", LocalDate.of(2026, 3, 26)));
                events.add(new RequestAnswered(ID, 1, outcome, concludedOn));
            }
        }

        Letter letter = letter(events, NoticeKind.ANSWER, outcome, concludedOn);

        assertThat(letter.title()).isEqualTo("政府信息公开申请答复书");
        assertThat(letter.addressee()).isEqualTo("张三");
        assertThat(text(letter)).contains("根据" + (outcome == Outcome.OTHER_FEE_NOT_PAID ? "" : "《中华人民共和国政府信息公开"))
                .contains(ARTICLES.get(outcome))
                .contains("2026年3月2日").contains("2026-0042").contains("2025年老旧小区改造项目清单")
                .doesNotContain("{{").doesNotContain("拟稿人所写依据");
        assertThat(letter.paragraphs().getLast()).isEqualTo(REMEDIES);
        assertThat(letter.dateText()).isEqualTo("2026年3月27日");
        if (outcome == Outcome.OTHER_CORRECTION_NOT_SUBMITTED) {
            assertThat(text(letter)).contains("2026年3月3日告知您补正申请，补正期限至2026年3月17日");
        }
        if (outcome == Outcome.OTHER_FEE_NOT_PAID) {
            assertThat(text(letter)).contains("2026年3月4日向您发出收费通知，缴费期限至2026年3月20日");
        }
    }

    @Test
    void theAcknowledgementGivesTheRegistrationNumberAndTheDueDateOnTheOfficialCalendar() {
        Letter letter = letter(List.of(received()), NoticeKind.ACKNOWLEDGEMENT, null, RECEIVED_ON);

        // 20 working days after Monday 2 March 2026, no holiday in March: Monday 30 March
        assertThat(text(letter)).contains("登记号为2026-0042").contains("于2026年3月30日前予以答复").contains("邮寄")
                .contains("第三十三条");
        assertThat(letter.address()).isEqualTo("驻马店市开源大道1号");
        assertThat(letter.paragraphs()).noneMatch(p -> p.contains("行政复议"));
    }

    @Test
    void theCorrectionNoticeSaysWhatToCorrectByWhenAndThatThePeriodRestarts() {
        List<RequestEvent> events = List.of(received(),
                new CorrectionRequested(ID, "请写明所需文件的名称或文号", LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 18)));
        Letter letter = letter(events, NoticeKind.CORRECTION_NOTICE, null, LocalDate.of(2026, 3, 4));

        assertThat(text(letter)).contains("请写明所需文件的名称或文号").contains("于2026年3月18日前")
                .contains("第三十条").contains("答复期限自本机关收到补正的申请之日起计算").contains("视为放弃申请");
        assertThat(letter.title()).isEqualTo("政府信息公开补正申请告知书");
    }

    @Test
    void theExtensionNoticeGivesTheOriginalAndTheExtendedDueDateAcrossQingming() {
        List<RequestEvent> events = List.of(received(),
                new DeadlineExtended(ID, 10, "所申请信息涉及多个部门，需调取档案", "reviewer", LocalDate.of(2026, 3, 20)));
        Letter letter = letter(events, NoticeKind.EXTENSION_NOTICE, null, LocalDate.of(2026, 3, 20));

        // 30 March + 10 working days, 4–6 April 清明 off: 14 April
        assertThat(text(letter)).contains("原定于2026年3月30日前答复").contains("答复期限延长10个工作日")
                .contains("于2026年4月14日前予以答复").contains("第三十三条第二款").contains("需调取档案");
    }

    @Test
    void theConsultationLetterGoesToTheThirdPartyWithFifteenWorkingDays() {
        List<RequestEvent> events = List.of(received(),
                new ConsultationStarted(ID, ConsultedParty.THIRD_PARTY, "驻马店某某置业有限公司", LocalDate.of(2026, 3, 10)));
        Letter letter = letter(events, NoticeKind.CONSULTATION_LETTER, null, LocalDate.of(2026, 3, 10));

        // 15 working days after Tuesday 10 March: Tuesday 31 March
        assertThat(letter.addressee()).isEqualTo("驻马店某某置业有限公司");
        assertThat(letter.address()).isNull();
        assertThat(text(letter)).contains("第三十二条").contains("15个工作日内，即于2026年3月31日前")
                .doesNotContain("张三");
    }

    @Test
    void theFeeNoticeStatesTheAmountExactlyAndThePaymentDeadline() {
        List<RequestEvent> events = List.of(received(),
                new FeeNoticeIssued(ID, FeeMethod.PER_PAGE, 150, 170_000, null, LocalDate.of(2026, 3, 5),
                        LocalDate.of(2026, 4, 2)));
        Letter letter = letter(events, NoticeKind.FEE_NOTICE, null, LocalDate.of(2026, 3, 5));

        assertThat(text(letter)).contains("按量计收（150页）").contains("1,700.00元").contains("于2026年4月2日前缴纳")
                .contains("国办函〔2020〕109号").contains("第四十二条");
    }

    @Test
    void aCorrectedApplicationsAcknowledgementCountsFromTheReceipt() {
        List<RequestEvent> events = List.of(received(),
                new CorrectionRequested(ID, "请写明文件名称", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 17)),
                new CorrectionReceived(ID, LocalDate.of(2026, 3, 9)));
        Letter letter = letter(events, NoticeKind.ACKNOWLEDGEMENT, null, LocalDate.of(2026, 3, 9));

        assertThat(text(letter)).contains("于2026年3月30日前予以答复");
    }

    @Test
    void anAgencysOwnTextIsFilledAndTheRemediesStillEndTheAnswer() {
        Template own = new Template(NoticeKind.ANSWER, Outcome.DISCLOSED, 3,
                "{{申请人}}同志：您于{{收到申请日期}}的申请，依据{{法律依据}}予以公开。", "admin-kaifaqu", null);
        List<RequestEvent> events = List.of(received(),
                new AnswerDrafted(ID, 1, Outcome.DISCLOSED, "", "", "handler", LocalDate.of(2026, 3, 25)),
                new AnswerApproved(ID, 1, "reviewer", LocalDate.of(2026, 3, 26)),
                new RequestAnswered(ID, 1, Outcome.DISCLOSED, LocalDate.of(2026, 3, 27)));

        Letter letter = composer.compose(events, NoticeKind.ANSWER, Outcome.DISCLOSED, LETTERHEAD, own,
                "驻经开公开〔2026〕8号", LocalDate.of(2026, 3, 27), CALENDAR);

        assertThat(letter.paragraphs()).containsExactly(
                "张三同志：您于2026年3月2日的申请，依据《中华人民共和国政府信息公开条例》第三十六条第（二）项予以公开。", REMEDIES);
    }

    @Test
    void placeholdersTheLettersDoNotFillAreNamed() {
        assertThat(Placeholders.unknownIn("{{申请人}}{{身份证号}}{{ 登记号 }}")).containsExactly("身份证号");
    }

    @Test
    void theDocxAndThePdfCarryTheLetterWithItsFonts() throws Exception {
        List<RequestEvent> events = List.of(received(),
                new DeadlineExtended(ID, 10, "需调取档案", "reviewer", LocalDate.of(2026, 3, 20)));
        Letter letter = letter(events, NoticeKind.EXTENSION_NOTICE, null, LocalDate.of(2026, 3, 20));

        String documentXml = entry(DocxLetter.render(letter), "word/document.xml");
        assertThat(documentXml).contains("驻经开公开〔2026〕7号").contains("2026年4月14日").contains("w:eastAsia=\"仿宋\"");
        String xhtml = XhtmlLetter.render(letter);
        assertThat(xhtml).contains("<p class=\"number\">驻经开公开〔2026〕7号</p>");
        try (PDDocument pdf = Loader.loadPDF(Pdf.fromXhtml(xhtml))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s", ""))
                    .contains("驻经开公开〔2026〕7号").contains("2026年4月14日").contains("政府信息公开延期答复告知书");
            PDResources resources = pdf.getPage(0).getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded)
                    .anyMatch(font -> font.getName().contains("NotoSerifSC"));
        }
    }

    @Test
    void textFromTheApplicationIsEscapedInTheXhtml() {
        RequestReceived received = received();
        RequestReceived hostile = new RequestReceived(ID, "kaifaqu", "2026-0042", Channel.POST, RECEIVED_ON,
                RECEIVED_ON, ApplicantCategory.NATURAL_PERSON,
                new ApplicantDetails("<b>张三</b> & 李四", null, null, null, null), "<script>x</script>",
                received.deliveryForm());
        String xhtml = XhtmlLetter.render(letter(List.of(hostile), NoticeKind.ACKNOWLEDGEMENT, null, RECEIVED_ON));

        assertThat(xhtml).contains("&lt;b&gt;张三&lt;/b&gt; &amp; 李四").doesNotContain("<script>");
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in the DOCX");
    }
}
