package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a projection stores of an event's text: what PostgreSQL can hold, bounded. */
class ProjectionTextTest {

    @Test
    void nulAndOtherControlCharactersAreDroppedTabAndNewlinesKept() {
        assertThat(ProjectionText.of("驻政复\u0000〔2026〕1号")).isEqualTo("驻政复〔2026〕1号");
        assertThat(ProjectionText.of("a\u0001b\u001Fc\u007Fd\u0085e\u009Ff")).isEqualTo("abcdef");
        assertThat(ProjectionText.of("第一行\n第二行\r\n\t缩进")).isEqualTo("第一行\n第二行\r\n\t缩进");
    }

    @Test
    void cleanTextIsReturnedAsItIsAndNullStaysNull() {
        String clean = "2026-0042 开发区 😀";
        assertThat(ProjectionText.of(clean)).isSameAs(clean);
        assertThat(ProjectionText.of(null)).isNull();
    }

    @Test
    void unpairedSurrogatesBecomeTheReplacementCharacter() {
        assertThat(ProjectionText.of("a\uD800b")).isEqualTo("a\uFFFDb");
        assertThat(ProjectionText.of("a\uDC00")).isEqualTo("a\uFFFD");
        assertThat(ProjectionText.of("😀")).isEqualTo("😀");
    }

    @Test
    void longTextIsCutAtTheBoundWithAnEllipsisNeverInsideAPair() {
        assertThat(ProjectionText.of("abcdef", 4)).isEqualTo("abc…");
        assertThat(ProjectionText.of("abcd", 4)).isEqualTo("abcd");
        assertThat(ProjectionText.of("😀😀😀😀😀", 3)).isEqualTo("😀😀…");
        assertThat(ProjectionText.of("ab\u0000cd", 4)).isEqualTo("abcd");
        assertThat(ProjectionText.of("x".repeat(ProjectionText.MAX_CODE_POINTS + 10)).codePointCount(0,
                ProjectionText.MAX_CODE_POINTS)).isEqualTo(ProjectionText.MAX_CODE_POINTS);
        assertThat(ProjectionText.of("x".repeat(ProjectionText.MAX_CODE_POINTS + 10))).hasSize(ProjectionText.MAX_CODE_POINTS)
                .endsWith("…");
    }

    @Test
    void jsonLosesTheNulEscapeButKeepsAnEscapedBackslash() {
        assertThat(ProjectionText.json("{\"caseNumber\":\"驻政复\\u0000〔2026〕1号\"}"))
                .isEqualTo("{\"caseNumber\":\"驻政复〔2026〕1号\"}");
        assertThat(ProjectionText.json("{\"path\":\"C:\\\\u0000x\"}")).isEqualTo("{\"path\":\"C:\\\\u0000x\"}");
        assertThat(ProjectionText.json("{\"a\":\"\\u00001\"}")).isEqualTo("{\"a\":\"1\"}");
        String clean = "{\"a\":\"b\\n\"}";
        assertThat(ProjectionText.json(clean)).isSameAs(clean);
    }
}
