package cn.gongkai.ledger.platform;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/**
 * The outer limits of every input the HTTP API takes, checked once at the edge ({@link EdgeValidation})
 * before any command or query runs. They are deliberately wider than each field's own rules (an
 * extension's 1–20 working days, a page size of 1–500, "no date in the future" as rule
 * {@code NoDateInTheFuture}): those still answer as before; these only keep out what no rule was
 * written for, such as a receipt in the year −999999999, a NUL character in a case number or a
 * query asking for the next 10⁸ working days.
 *
 * <p>The same limits bound loops over input that is already stored ({@link #clampYear}): events are
 * append-only, so one accepted before these limits existed stays in the store for good.
 */
public final class InputBounds {

    /** The statute's first year: the 政府信息公开条例 took effect on 1 May 2008. */
    public static final int FIRST_YEAR = 2008;

    /** No business date, deadline or instant before this. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(FIRST_YEAR, 1, 1);

    /** Years ahead of the current one that a calendar may be loaded for (official notices come a year ahead; tests go further). */
    static final int CALENDAR_YEARS_AHEAD = 20;

    /** The longest text any field takes (an answer's text, 20,000 characters); each field's own @Size applies too. */
    static final int MAX_TEXT = 20_000;

    /** The longest query, path or header value: ids, codes, usernames and version tags are all far shorter. */
    static final int MAX_PARAMETER = 200;

    /**
     * The fields whose text may run over several lines: tab, line feed and carriage return are
     * allowed there, never elsewhere. Every other control character (C0, DEL, C1) is refused in
     * every field.
     */
    static final Set<String> MULTI_LINE = Set.of("informationRequested", "reason", "text", "summary",
            "whatIsUnclear", "legalBasis", "templateText");

    /** An inclusive range of whole numbers. */
    record Range(long min, long max) {

        boolean contains(long value) {
            return value >= min && value <= max;
        }
    }

    /** Whole-number fields and parameters other than years, by name: the outer limits. */
    private static final Map<String, Range> INTEGERS = Map.of(
            "dueWithin", new Range(0, 366),
            "page", new Range(0, 1_000_000),
            "size", new Range(0, 10_000),
            "workingDays", new Range(0, 366),
            "quantity", new Range(0, 100_000),
            // 100,000 pages at the top rate of 国办函〔2020〕109号 are about 4 × 10⁸ fen
            "amountFen", new Range(0, 1_000_000_000L));

    private InputBounds() {
    }

    /** The last year any year field or parameter may name: next year (a deadline may reach into it). */
    public static int lastYear(LocalDate today) {
        return today.getYear() + 1;
    }

    /** The last date any date field or parameter may carry; business dates are refused after today by their own rule. */
    public static LocalDate latestDate(LocalDate today) {
        return LocalDate.of(lastYear(today), 12, 31);
    }

    /** The earliest instant an {@code at} may name. */
    static OffsetDateTime earliestInstant() {
        return EARLIEST_DATE.atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
    }

    /** The latest instant an {@code at} may name: the end of next year, in Beijing. */
    static OffsetDateTime latestInstant(LocalDate today) {
        return latestDate(today).plusDays(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
    }

    /**
     * A year taken from stored data, brought into {@code FIRST_YEAR ..} next year (from {@code
     * currentYear}), so that a loop from it to the current year stays short even for an event
     * stored before these limits existed.
     */
    public static int clampYear(int year, int currentYear) {
        return Math.max(FIRST_YEAR, Math.min(year, currentYear + 1));
    }

    /**
     * The limits of the whole number called {@code name}, or null when the name has none; {@code
     * path} is the request's path: a calendar year may lie further ahead than other years.
     */
    static Range integerRange(String name, String path, LocalDate today) {
        if ("year".equals(name) || "fromYear".equals(name)) {
            int ahead = path != null && (path.startsWith("/api/calendar") || path.startsWith("/admin/calendar"))
                    ? CALENDAR_YEARS_AHEAD : 1;
            return new Range(FIRST_YEAR, today.getYear() + ahead);
        }
        return INTEGERS.get(name);
    }

    /**
     * What is wrong with the text {@code value} of the field {@code field}, or null: a control
     * character (tab, line feed and carriage return only in {@link #MULTI_LINE} fields), an unpaired
     * surrogate or a non-character; {@code max} characters at most.
     */
    static FieldProblem textProblem(String field, String value, int max) {
        boolean multiLine = MULTI_LINE.contains(lastSegment(field));
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!allowed(c, multiLine)) {
                return FieldProblem.of(field,
                        "含有不允许的控制字符（U+%04X）".formatted(c) + (multiLine ? "" : "，该项须为单行文字"),
                        "contains a control character that is not allowed (U+%04X)".formatted(c)
                                + (multiLine ? "" : "; this field is a single line"));
            }
            i += Character.charCount(c);
        }
        if (value.length() > max) {
            return FieldProblem.of(field, "过长（最多" + max + "个字符）", "too long (at most " + max + " characters)");
        }
        return null;
    }

    private static boolean allowed(int c, boolean multiLine) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return multiLine;
        }
        return c >= 0x20 && !(c >= 0x7f && c <= 0x9f) && !Character.isSurrogate((char) c)
                && c != 0xfffe && c != 0xffff;
    }

    static String lastSegment(String field) {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? field : field.substring(dot + 1);
    }

    static FieldProblem dateProblem(String field, LocalDate date, LocalDate today) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(latestDate(today))) {
            return FieldProblem.of(field,
                    "日期须在 " + EARLIEST_DATE + " 至 " + latestDate(today) + " 之间",
                    "date must be between " + EARLIEST_DATE + " and " + latestDate(today));
        }
        return null;
    }

    static FieldProblem instantProblem(String field, OffsetDateTime at, LocalDate today) {
        if (at.isBefore(earliestInstant()) || at.isAfter(latestInstant(today))) {
            return FieldProblem.of(field,
                    "时间须在 " + earliestInstant() + " 至 " + latestInstant(today) + " 之间",
                    "instant must be between " + earliestInstant() + " and " + latestInstant(today));
        }
        return null;
    }

    static FieldProblem rangeProblem(String field, Range range) {
        return FieldProblem.of(field, "须为 " + range.min() + " 至 " + range.max() + " 之间的整数",
                "must be a whole number from " + range.min() + " to " + range.max());
    }

    static FieldProblem notWhole(String field) {
        return FieldProblem.of(field, "须为整数，不接受小数", "must be a whole number, not a fraction");
    }
}
