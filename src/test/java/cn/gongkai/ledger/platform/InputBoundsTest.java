package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The edge's limits as functions: which characters, dates and numbers a field takes. */
class InputBoundsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void controlCharactersAreRefusedInEveryField() {
        for (String bad : new String[] {"驻政复\u0000〔2026〕1号", "a\u0001", "a\u001b[31m", "a\u007f", "张\u0085三", "a\u009f",
                "a\ud800", "a\uffff"}) {
            assertThat(InputBounds.textProblem("caseNumber", bad, 100)).as(bad).isNotNull();
            assertThat(InputBounds.textProblem("reason", bad, 100)).as(bad).isNotNull();
        }
    }

    @Test
    void tabAndLineBreaksOnlyInMultiLineFields() {
        assertThat(InputBounds.textProblem("reason", "需调取\n档案\t（一）\r\n", 100)).isNull();
        assertThat(InputBounds.textProblem("applicant.informationRequested", "一\n二", 100)).isNull();
        assertThat(InputBounds.textProblem("caseNumber", "驻政复\n〔2026〕1号", 100)).isNotNull();
        assertThat(InputBounds.textProblem("applicant.name", "张\t三", 100)).isNotNull();
    }

    @Test
    void ordinaryTextPassesAndLengthIsBounded() {
        assertThat(InputBounds.textProblem("applicant.name", "张三 Zhang San 😀", 100)).isNull();
        assertThat(InputBounds.textProblem("applicant.name", "很".repeat(101), 100)).isNotNull()
                .satisfies(problem -> assertThat(problem.label()).isEqualTo("申请人姓名或名称"));
    }

    @Test
    void datesFrom2008ToTheEndOfNextYear() {
        assertThat(InputBounds.dateProblem("receivedOn", LocalDate.of(2008, 1, 1), TODAY)).isNull();
        assertThat(InputBounds.dateProblem("receivedOn", LocalDate.of(2027, 12, 31), TODAY)).isNull();
        assertThat(InputBounds.dateProblem("receivedOn", LocalDate.of(2007, 12, 31), TODAY)).isNotNull();
        assertThat(InputBounds.dateProblem("receivedOn", LocalDate.of(2028, 1, 1), TODAY)).isNotNull();
        assertThat(InputBounds.dateProblem("receivedOn", LocalDate.MIN, TODAY)).isNotNull();
    }

    @Test
    void yearsAreBoundedAndACalendarYearMayLieFurtherAhead() {
        assertThat(InputBounds.integerRange("year", "/api/requests", TODAY)).isEqualTo(new InputBounds.Range(2008, 2027));
        assertThat(InputBounds.integerRange("fromYear", null, TODAY)).isEqualTo(new InputBounds.Range(2008, 2027));
        assertThat(InputBounds.integerRange("year", "/api/calendar/2040", TODAY).contains(2040)).isTrue();
        assertThat(InputBounds.integerRange("dueWithin", null, TODAY).contains(100_000_000)).isFalse();
        assertThat(InputBounds.integerRange("amountFen", null, TODAY).contains(Long.MAX_VALUE)).isFalse();
        assertThat(InputBounds.clampYear(-999_999_999, 2026)).isEqualTo(2008);
        assertThat(InputBounds.clampYear(999_999_999, 2026)).isEqualTo(2027);
    }
}
