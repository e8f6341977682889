package cn.gongkai.ledger.requests.write.notices;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.calendar.OfficialCalendar;
import cn.gongkai.ledger.documents.Pdf;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.AnswerApproved;
import cn.gongkai.ledger.requests.events.AnswerDrafted;
import cn.gongkai.ledger.requests.events.ApplicantDetails;
import cn.gongkai.ledger.requests.events.DeadlineExtended;
import cn.gongkai.ledger.requests.events.RequestAnswered;
import cn.gongkai.ledger.requests.events.RequestCarriedForward;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.requests.read.StatutoryDeadlines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The letters of the seed year (驻马店经济开发区管委会, 2021, as in {@code SeedReportIT}): one answer
 * 予以公开, four 部分公开, and the extension notice of the application carried into 2022, whose periods
 * cross New Year and the Spring Festival with its two 调休 weekend working days. The PDFs are written to
 * {@code target/notice-previews/} for a person to look at.
 */
class SeedLettersTest {

    private static final Letterhead KAIFAQU = new Letterhead(1, "驻马店经济开发区管委会", "驻经开公开",
            "驻马店经济开发区管委会", "驻马店市人民政府", "驻马店市驿城区人民法院", "admin-kaifaqu", null);
    private static final String[] APPLICANTS = {"王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆"};
    private static final String[] ASKED = {"2020年开发区道路建设项目的立项批复文件", "开发区2020年度财政预算执行情况",
            "雪松路拓宽工程征收补偿方案", "开发区2020年环境影响评价审批目录", "开源大道两侧规划许可证及附图",
            "2021年开发区老旧小区改造项目清单"};

    private final LetterComposer composer = new LetterComposer(StatutoryDeadlines.onGivenCalendars(true));

    private static RequestReceived received(int i, LocalDate on) {
        return new RequestReceived(UUID.nameUUIDFromBytes(("seed-" + i).getBytes()), "kaifaqu",
                "2021-" + String.format("%04d", i + 1), Channel.POST, on, on, ApplicantCategory.NATURAL_PERSON,
                new ApplicantDetails(APPLICANTS[i], "居民身份证", null, null, "河南省驻马店市驿城区解放大道" + (10 + i) + "号"),
                ASKED[i], DeliveryForm.PAPER_BY_POST);
    }

    private Letter answer(int i, LocalDate receivedOn, Outcome outcome, LocalDate on, String text, int number) {
        UUID id = UUID.nameUUIDFromBytes(("seed-" + i).getBytes());
        List<RequestEvent> events = List.of(received(i, receivedOn),
                new AnswerDrafted(id, 1, outcome, "", text, "handler-kaifaqu", on),
                new AnswerApproved(id, 1, "reviewer-kaifaqu", on),
                new RequestAnswered(id, 1, outcome, on));
        return composer.compose(events, NoticeKind.ANSWER, outcome, KAIFAQU,
                new Template(NoticeKind.ANSWER, outcome, 0, DefaultTexts.of(NoticeKind.ANSWER, outcome), null, null),
                KAIFAQU.documentNumber(on.getYear(), number), on, OfficialCalendar.calendar());
    }

    @Test
    void theSeedYearsFiveAnswersAndTheCarriedForwardExtensionNotice() throws Exception {
        List<Letter> letters = new ArrayList<>();
        letters.add(answer(0, LocalDate.of(2021, 3, 8), Outcome.DISCLOSED, LocalDate.of(2021, 3, 25),
                "所申请的立项批复文件共3页，随本答复书以纸质形式邮寄提供。", 1));
        for (int i = 0; i < 4; i++) {
            letters.add(answer(i + 1, LocalDate.of(2021, 5 + i, 10), Outcome.PARTIALLY_DISCLOSED,
                    LocalDate.of(2021, 5 + i, 28),
                    "所申请信息中涉及被征收人姓名、身份证号码、联系方式等个人隐私的内容，公开会对第三方合法权益造成损害，依据条例第十五条不予公开，已作遮盖处理；其余内容予以公开，随本答复书邮寄提供。",
                    i + 2));
        }
        UUID open = UUID.nameUUIDFromBytes("seed-5".getBytes());
        List<RequestEvent> carried = List.of(received(5, LocalDate.of(2021, 12, 20)),
                new RequestCarriedForward(open, 2021, 2022),
                new DeadlineExtended(open, 20, "所申请信息涉及多个部门及年度档案，需协调调取", "reviewer-kaifaqu",
                        LocalDate.of(2022, 1, 14)));
        Letter extension = composer.compose(carried, NoticeKind.EXTENSION_NOTICE, null, KAIFAQU,
                new Template(NoticeKind.EXTENSION_NOTICE, null, 0, DefaultTexts.of(NoticeKind.EXTENSION_NOTICE, null),
                        null, null), KAIFAQU.documentNumber(2022, 1), LocalDate.of(2022, 1, 14),
                OfficialCalendar.calendar());
        letters.add(extension);

        // 20 working days after 20 Dec 2021 skip 1–3 Jan: 18 Jan 2022; 20 more skip the Spring Festival
        // (31 Jan–6 Feb) and count the 调休 Saturday and Sunday 29–30 Jan: 18 Feb 2022
        assertThat(String.join("", extension.paragraphs())).contains("原定于2022年1月18日前答复")
                .contains("于2022年2月18日前予以答复").contains("延长20个工作日");
        assertThat(letters.get(1).paragraphs().get(1)).contains("第三十七条");
        assertThat(letters.getFirst().paragraphs().get(1)).contains("第三十六条第（二）项");
        assertThat(letters).extracting(Letter::documentNumber).containsExactly("驻经开公开〔2021〕1号",
                "驻经开公开〔2021〕2号", "驻经开公开〔2021〕3号", "驻经开公开〔2021〕4号", "驻经开公开〔2021〕5号",
                "驻经开公开〔2022〕1号");

        Path out = Path.of("target", "notice-previews");
        Files.createDirectories(out);
        String[] names = {"answer-disclosed", "answer-partial-1", "answer-partial-2", "answer-partial-3",
                "answer-partial-4", "extension"};
        for (int i = 0; i < letters.size(); i++) {
            byte[] pdf = Pdf.fromXhtml(XhtmlLetter.render(letters.get(i)));
            assertThat(pdf).isNotEmpty();
            Files.write(out.resolve(names[i] + ".pdf"), pdf);
            Files.write(out.resolve(names[i] + ".docx"), DocxLetter.render(letters.get(i)));
        }
    }
}
