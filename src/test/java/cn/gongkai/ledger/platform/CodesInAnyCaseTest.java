package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.export.ExportFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.DefaultFormattingConversionService;

class CodesInAnyCaseTest {

    private final DefaultFormattingConversionService conversion = conversion();

    private static DefaultFormattingConversionService conversion() {
        DefaultFormattingConversionService service = new DefaultFormattingConversionService();
        new CodesInAnyCase().addFormatters(service);
        return service;
    }

    @Test
    void aCodeIsReadInAnyCaseAndAroundSpaces() {
        assertThat(conversion.convert("xlsx", ExportFormat.class)).isEqualTo(ExportFormat.XLSX);
        assertThat(conversion.convert("Natural_Person ", TableColumn.class)).isEqualTo(TableColumn.NATURAL_PERSON);
        assertThat(conversion.convert("TOTAL", TableColumn.class)).isEqualTo(TableColumn.TOTAL);
    }

    @Test
    void anUnknownCodeOrAUnicodeLookAlikeIsNotACode() {
        assertThatThrownBy(() -> conversion.convert("pdf", ExportFormat.class))
                .isInstanceOf(ConversionFailedException.class);
        // U+017F LATIN SMALL LETTER LONG S upper-cases to S: "ſ" must not pass for the S of CSV
        assertThatThrownBy(() -> conversion.convert("c\u017Fv", ExportFormat.class))
                .isInstanceOf(ConversionFailedException.class);
    }

    @Test
    void theExpectedFormatNamesAnExampleForDatesAndInstantsAndListsCodes() {
        assertThat(ExpectedFormat.of("receivedOn", LocalDate.class).messageZh())
                .isEqualTo("应为 yyyy-MM-dd 格式，例如 2026-03-15");
        assertThat(ExpectedFormat.of("at", OffsetDateTime.class).messageEn())
                .isEqualTo("expected ISO-8601 date-time with offset, e.g. 2026-01-31T17:00:00+08:00");
        assertThat(ExpectedFormat.of("at", Instant.class).label()).isEqualTo("时点");
        assertThat(ExpectedFormat.of("format", ExportFormat.class).messageEn())
                .isEqualTo("expected one of: JSON, CSV, XLSX, HTML");
        assertThat(ExpectedFormat.of("text", String.class)).isNull();
        assertThat(ExpectedFormat.orInvalid("text", String.class).messageEn()).isEqualTo("invalid value");
    }
}
