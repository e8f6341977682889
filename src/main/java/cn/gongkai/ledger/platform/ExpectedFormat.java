package cn.gongkai.ledger.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * What a refused value should have looked like, by the type the field or parameter expects: a
 * client told only "取值无效" has to guess, so every refusal of a date, an instant or a code says the
 * expected format with an example, or lists the valid codes.
 */
final class ExpectedFormat {

    static final String DATE_ZH = "应为 yyyy-MM-dd 格式，例如 2026-03-15";
    static final String DATE_EN = "expected yyyy-MM-dd, e.g. 2026-03-15";
    static final String INSTANT_ZH = "应为带时区偏移的 ISO-8601 时间，例如 2026-01-31T17:00:00+08:00";
    static final String INSTANT_EN = "expected ISO-8601 date-time with offset, e.g. 2026-01-31T17:00:00+08:00";

    private ExpectedFormat() {
    }

    /** The problem of a value of {@code type} that could not be read, or null when the type has no format to tell. */
    static FieldProblem of(String field, Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == LocalDate.class) {
            return FieldProblem.of(field, DATE_ZH, DATE_EN);
        }
        if (isInstant(type)) {
            return FieldProblem.of(field, INSTANT_ZH, INSTANT_EN);
        }
        if (type.isEnum()) {
            String codes = String.join(", ", codes(type));
            return FieldProblem.of(field, "应为以下代码之一：" + codes, "expected one of: " + codes);
        }
        return null;
    }

    /** As {@link #of}, falling back to a plain "invalid value" for types without a format. */
    static FieldProblem orInvalid(String field, Class<?> type) {
        FieldProblem problem = of(field, type);
        return problem != null ? problem : FieldProblem.of(field, "取值无效", "invalid value");
    }

    static boolean isInstant(Class<?> type) {
        return type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class;
    }

    static List<String> codes(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(code -> ((Enum<?>) code).name()).toList();
    }
}
