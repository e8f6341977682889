package cn.gongkai.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.calendar.OfficialCalendar;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.requests.RequestJson;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The daily flow in real headless Chromium, through the pages only: a handler who also reviews (lead-kaifaqu)
 * registers an application, finds it in 待办 with its due date, extends it, drafts the answer, has no approve
 * button on their own draft and is refused when posting the approval anyway; another reviewer approves it;
 * the handler answers. A handler of another agency gets 404 for its page; a registration dated in the future
 * keeps what was typed and names the field. Every page is photographed into target/screenshots/.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=pages-walk-through")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkThroughBrowserIT {

    private static final String NAME = RequestJson.DEMO_APPLICANT.get(0);
    private static final String ID_NUMBER = RequestJson.DEMO_APPLICANT.get(1);

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    Browser browser;
    LocalDate today;
    String applicationPath;
    String registrationNumber;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port);
        today = BusinessClock.today(clock);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aHandlerSignsInAndSeesWhatNeedsDoingToday() {
        browser.go("/requests");
        assertThat(browser.path()).as("a page asks for the sign-in first").startsWith("/login");
        browser.screenshot("01-sign-in");
        browser.type(By.id("username"), "lead-kaifaqu");
        browser.type(By.id("password"), "wrong");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert.error")).getText()).isEqualTo("用户名或密码不正确。");

        browser.signIn("lead-kaifaqu");
        assertThat(browser.find(By.cssSelector("header .agency")).getText()).isEqualTo("驻马店经济开发区管委会");
        assertThat(browser.driver.findElements(By.cssSelector("nav.main-nav a")))
                .extracting(link -> link.getText())
                .containsExactly("待办", "登记", "待审核", "年度报表");
        browser.go("/");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("您好");
        browser.screenshot("02-today");
    }

    @Test
    @Order(2)
    void registersAnApplicationAndGetsItsNumberAndDueDate() {
        register(today.minusDays(1));
        assertThat(browser.find(By.id("registered")).getText()).contains("已登记").contains("答复期限");
        registrationNumber = browser.find(By.id("registration-number")).getText();
        assertThat(registrationNumber).matches("\\d{4}-\\d{4,}");
        assertThat(browser.find(By.id("due-on")).getText()).matches("\\d{4}-\\d{2}-\\d{2}");
        applicationPath = browser.path();
        browser.screenshot("04-registered");
        theWorkingsCountDayByDayAsTheOfficialCalendarSays(20);
    }

    @Test
    @Order(4)
    void aSecondApplicationWithTheSameIdNumberIsRegisteredWithAWarningLinkingTheFirst() {
        // the first one is in the list read model by now (it was found in 待办)
        register(today);
        assertThat(browser.find(By.id("registered")).getText()).contains("已登记");
        assertThat(browser.find(By.id("repeats")).getText()).contains("可能是重复申请").contains(registrationNumber);
        browser.screenshot("05-repeat-warning");
        browser.follow(By.linkText(registrationNumber));
        assertThat(browser.path()).isEqualTo(applicationPath);
    }

    @Test
    @Order(3)
    void findsItInMyWorkWithItsDueDate() {
        String dueOn = dueOnOfTheApplication();
        browser.go("/requests");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.go("/requests");
            return browser.present(By.linkText(registrationNumber));
        });
        String row = browser.find(By.xpath("//tr[td/a[text()='" + registrationNumber + "']]")).getText();
        assertThat(row).contains(dueOn).contains("办理中");
        browser.screenshot("06-my-work");
        browser.type(By.id("number"), registrationNumber);
        browser.submit(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.find(By.id("total")).getText()).isEqualTo("共 1 件");
    }

    @Test
    @Order(5)
    void extendsTheDeadline() {
        String before = dueOnOfTheApplication();
        browser.find(By.cssSelector("#action-extension summary")).click();
        browser.type(By.id("ext-reason"), "需要调取多个部门的档案，经负责人同意延期");
        browser.submit(By.cssSelector("#action-extension button[type=submit]"));
        assertThat(browser.find(By.id("done")).getText()).isEqualTo("已延长答复期限");
        assertThat(browser.find(By.id("deadline")).getText()).contains("已延长 20 个工作日");
        assertThat(browser.find(By.id("due-on")).getText()).isGreaterThan(before);
        assertThat(browser.find(By.id("history")).getText()).contains("理由：需要调取多个部门的档案");
        assertThat(browser.present(By.id("action-extension"))).as("extended only once").isFalse();
        browser.screenshot("07-extended");
        theWorkingsCountDayByDayAsTheOfficialCalendarSays(40);
        assertThat(browser.find(By.id("workings-steps")).getText()).contains("延长期限");
    }

    @Test
    @Order(6)
    void draftsTheAnswerAndIsNotOfferedItsApproval() {
        browser.go(applicationPath);
        browser.find(By.cssSelector("#action-answer-draft summary")).click();
        browser.select(By.id("dr-outcome"), "DISCLOSED");
        browser.type(By.id("dr-legalBasis"), "《政府信息公开条例》第三十六条第二项");
        browser.type(By.id("dr-text"), "经查，您申请的信息予以公开，见附件。");
        browser.submit(By.cssSelector("#action-answer-draft button[type=submit]"));
        assertThat(browser.find(By.id("status")).getText()).isEqualTo("待审核");
        assertThat(browser.find(By.id("own-draft")).getText()).contains("编审分离");
        assertThat(browser.present(By.id("approve"))).isFalse();
        browser.screenshot("08-own-draft");
    }

    @Test
    @Order(7)
    void theServerRefusesTheDraftersOwnApprovalPostedAnyway() {
        browser.script("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = location.pathname + '/answer-draft/approval';
                for (const [name, value] of [['_csrf', document.querySelector('input[name=_csrf]').value],
                                             ['approvedOn', arguments[0]]]) {
                  const input = document.createElement('input');
                  input.type = 'hidden'; input.name = name; input.value = value;
                  form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();""", today.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.present(By.id("problems")));
        assertThat(browser.find(By.id("problems")).getText()).contains("编审分离");
        assertThat(browser.find(By.id("status")).getText()).isEqualTo("待审核");
        browser.screenshot("09-own-approval-refused");
    }

    @Test
    @Order(8)
    void anotherReviewerApprovesFromTheReviewQueue() {
        browser.signOut();
        browser.signIn("reviewer-kaifaqu");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.go("/review");
            return browser.present(By.linkText(registrationNumber));
        });
        browser.screenshot("10-review-queue");
        browser.follow(By.linkText(registrationNumber));
        browser.screenshot("11-review-draft");
        browser.submit(By.id("approve"));
        assertThat(browser.find(By.id("done")).getText()).isEqualTo("答复稿已审核通过");
        assertThat(browser.find(By.id("status")).getText()).isEqualTo("待答复");
    }

    @Test
    @Order(9)
    void theHandlerAnswers() {
        browser.signOut();
        browser.signIn("handler-kaifaqu");
        browser.go(applicationPath);
        browser.submit(By.id("answer"));
        assertThat(browser.find(By.id("status")).getText()).isEqualTo("已办结");
        assertThat(browser.find(By.id("history")).getText())
                .contains("reviewer-kaifaqu").contains("lead-kaifaqu").contains("handler-kaifaqu");
        browser.screenshot("12-answered");
    }

    @Test
    @Order(10)
    void aHandlerOfAnotherAgencyFindsNoSuchApplication() {
        browser.signOut();
        browser.signIn("handler-yicheng");
        browser.go(applicationPath);
        assertThat(browser.find(By.tagName("h1")).getText()).startsWith("未找到").contains("404");
        assertThat(browser.driver.getPageSource()).doesNotContain(registrationNumber);
        browser.screenshot("13-other-agency-not-found");
    }

    @Test
    @Order(11)
    void aRegistrationDatedInTheFutureKeepsWhatWasTypedAndNamesTheField() {
        browser.signOut();
        browser.signIn("handler-kaifaqu");
        fillRegistration(today.plusDays(3));
        browser.submit(By.id("register"));
        assertThat(browser.path()).isEqualTo("/requests/new");
        assertThat(browser.find(By.id("problems")).getText()).contains("收到申请日期");
        assertThat(browser.find(By.id("receivedOn-problem")).getText()).isNotBlank();
        assertThat(browser.find(By.id("receivedOn")).getAttribute("value")).isEqualTo(today.plusDays(3).toString());
        // compared without printing: a failure message must not put the applicant's data into the build log
        assertThat(NAME.equals(browser.find(By.id("applicant.name")).getAttribute("value")))
                .as("the applicant's name as typed is kept").isTrue();
        assertThat(ID_NUMBER.equals(browser.find(By.id("applicant.idNumber")).getAttribute("value")))
                .as("the ID number as typed is kept").isTrue();
        assertThat(RequestJson.DEMO_APPLICANT.get(2).equals(browser.find(By.id("applicant.phone")).getAttribute("value")))
                .as("the phone as typed is kept").isTrue();
        assertThat(browser.find(By.id("informationRequested")).getAttribute("value"))
                .isEqualTo("2025年开发区道路建设项目的立项批复文件");
        assertThat(browser.find(By.id("channel")).getAttribute("value")).isEqualTo("POST");
        browser.screenshot("14-future-date-refused");
    }

    @Test
    @Order(12)
    void theHeadFindsTheAnsweredApplicationCountedInItsCellOfTheYearPageAndTheCellOpensIt() {
        browser.signOut();
        browser.signIn("head-kaifaqu");
        int year = today.getYear();
        By cell = By.id("cell-DISCLOSED-NATURAL_PERSON");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.go("/year/" + year);
            return browser.present(cell);
        });
        assertThat(browser.find(By.cssSelector("nav.main-nav a[aria-current=page]")).getText()).isEqualTo("年度报表");
        assertThat(browser.find(By.id("part3")).getText())
                .contains("申请人情况").contains("(一) 予以公开")
                .contains("四、结转下年度继续办理");
        assertThat(browser.find(By.id("part4")).getText()).contains("行政复议").contains("行政诉讼");
        assertThat(browser.find(By.id("reconciliation")).getText()).startsWith("勾稽关系核对");
        assertThat(browser.present(By.cssSelector("#chart-monthly svg rect"))).isTrue();
        assertThat(browser.present(By.id("close-year"))).isTrue();
        assertThat(browser.find(By.id("checklist")).getText()).as("the report's gate, shown before the close")
                .contains("关闭前检查", "错误", "尚未填报", "尚未撰写").doesNotContain("尚未结转");
        browser.screenshot("15-year");
        browser.follow(cell);
        assertThat(browser.find(By.id("cell-row")).getText()).isEqualTo("(一) 予以公开");
        assertThat(browser.find(By.id("applications")).getText()).contains(registrationNumber);
        browser.screenshot("16-year-cell");
        browser.follow(By.linkText(registrationNumber));
        assertThat(browser.path()).isEqualTo(applicationPath);
    }

    @Test
    @Order(13)
    void aReviewerSeesTheYearPageWithoutTheHeadsButtons() {
        browser.signOut();
        browser.signIn("reviewer-kaifaqu");
        browser.go("/year");
        assertThat(browser.path()).isEqualTo("/year/" + today.getYear());
        assertThat(browser.present(By.id("part3"))).isTrue();
        assertThat(browser.present(By.id("close-year"))).isFalse();
        assertThat(browser.present(By.id("publish-report"))).isFalse();
    }

    @Test
    @Order(14)
    void theAuditorFindsTheApplicationsStepsByItsNumberTheYearsChangesAndTheChain() {
        browser.signOut();
        browser.signIn("auditor-kaifaqu");
        browser.follow(By.linkText("审计"));
        browser.screenshot("17-audit");
        browser.type(By.id("number"), registrationNumber);
        browser.submit(By.id("find-request"));
        assertThat(browser.find(By.tagName("h1")).getText()).contains(registrationNumber);
        assertThat(browser.find(By.id("history")).getText())
                .contains("reviewer-kaifaqu").contains("lead-kaifaqu").contains("handler-kaifaqu");
        browser.screenshot("18-audit-history");
        browser.go("/audit");
        browser.follow(By.id("changes-" + today.getYear()));
        browser.screenshot("19-audit-changes");
        browser.go("/audit/activity?username=lead-kaifaqu");
        browser.screenshot("20-audit-activity");
        browser.go("/audit/chain");
        assertThat(browser.find(By.id("chain-status")).getText()).startsWith("核验结果：");
        browser.screenshot("21-audit-chain");
    }

    @Test
    @Order(15)
    void theAdministratorSeesTheUsersAndTheCalendar() {
        browser.signOut();
        browser.signIn("admin-kaifaqu");
        browser.follow(By.linkText("管理"));
        assertThat(browser.find(By.id("users")).getText()).contains("handler-kaifaqu");
        browser.screenshot("22-admin-users");
        browser.submit(By.id("create-user"));
        assertThat(browser.find(By.id("username-problem")).getText()).isNotBlank();
        browser.screenshot("23-admin-user-refused");
        browser.follow(By.linkText("handler-kaifaqu"));
        browser.screenshot("24-admin-user");
        browser.go("/admin/calendar/" + today.getYear());
        browser.screenshot("25-admin-calendar");
    }

    private void register(LocalDate receivedOn) {
        browser.go("/requests/new");
        browser.screenshot("03-register");
        fillRegistration(receivedOn);
        browser.submit(By.id("register"));
    }

    private void fillRegistration(LocalDate receivedOn) {
        browser.go("/requests/new");
        browser.select(By.id("channel"), "POST");
        browser.date(By.id("receivedOn"), receivedOn.toString());
        browser.select(By.id("applicantCategory"), "NATURAL_PERSON");
        browser.type(By.id("applicant.name"), NAME);
        browser.type(By.id("applicant.idNumber"), ID_NUMBER);
        browser.type(By.id("applicant.phone"), RequestJson.DEMO_APPLICANT.get(2));
        browser.type(By.id("informationRequested"), "2025年开发区道路建设项目的立项批复文件");
        browser.select(By.id("deliveryForm"), "ELECTRONIC_BY_EMAIL");
    }

    /**
     * The workings shown on the application's page, read row by row: each day is what the official calendar
     * says it is (a holiday by its name, a 调休 working day counted, a weekend skipped), the counted days run
     * 1, 2, 3 … without a gap up to {@code workingDays}, and the last of them is the due date shown above.
     */
    private void theWorkingsCountDayByDayAsTheOfficialCalendarSays(int workingDays) {
        browser.find(By.cssSelector("#workings-days summary")).click();
        OfficialCalendar.Reference official = OfficialCalendar.reference();
        java.util.List<org.openqa.selenium.WebElement> rows = browser.findAll(By.cssSelector("#workings-days tr[data-date]"));
        assertThat(rows).isNotEmpty();
        int counted = 0;
        String lastCounted = null;
        for (int i = 0; i < rows.size(); i++) {
            LocalDate date = LocalDate.parse(rows.get(i).getDomAttribute("data-date"));
            String kind = rows.get(i).getDomAttribute("data-kind");
            String text = rows.get(i).getText();
            OfficialCalendar.Days year = official.years().get(date.getYear());
            boolean weekend = date.getDayOfWeek().getValue() >= 6;
            if (i == 0) {
                assertThat(kind).as(date + " starts the clock").isEqualTo("START");
                continue;
            }
            if (year != null && year.holidays().containsKey(date)) {
                assertThat(kind).as(date.toString()).isEqualTo("HOLIDAY");
                assertThat(text).contains(year.holidays().get(date)).contains("不计");
            } else if (year != null && year.adjustedWorkdays().containsKey(date)) {
                assertThat(kind).as(date.toString()).isEqualTo("ADJUSTED_WORKDAY");
            } else if (weekend) {
                assertThat(kind).as(date.toString()).isEqualTo("WEEKEND");
                assertThat(text).contains("不计");
            } else {
                assertThat(kind).as(date.toString()).isEqualTo("WORKING_DAY");
            }
            if (kind.equals("WORKING_DAY") || kind.equals("ADJUSTED_WORKDAY")) {
                counted++;
                assertThat(rows.get(i).findElements(By.tagName("td")).get(3).getText()).as(date + " counted as")
                        .matches(counted + "(\\D.*)?");
                lastCounted = date.toString();
            }
        }
        assertThat(counted).isEqualTo(workingDays);
        assertThat(lastCounted).isEqualTo(browser.find(By.id("due-on")).getText());
        assertThat(browser.find(By.cssSelector("#workings-days tr.due-day")).getDomAttribute("data-date"))
                .isEqualTo(lastCounted);
        browser.screenshot(workingDays == 20 ? "04b-workings" : "07b-workings-extended");
    }

    private String dueOnOfTheApplication() {
        browser.go(applicationPath);
        return browser.find(By.id("due-on")).getText();
    }
}
