package cn.gongkai.ledger.report;

import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * The values of part 二 as staff type them: counts are whole numbers (at most 9 digits); 行政事业性收费 is 万元
 * with at most 4 decimals, kept at exactly 4 ({@code 1165.5066}, {@code 12.5} becomes {@code 12.5000}).
 */
public final class Part2Values {

    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final Pattern MONEY = Pattern.compile("\\d{1,12}(\\.\\d{1,4})?");

    private Part2Values() {
    }

    /**
     * The value in its canonical text form, or {@link InputRejected} naming {@code field}.
     */
    public static String canonical(Part2Figure figure, String value, String field) {
        String label = "第二部分“" + figure.label() + "”";
        if (value == null || value.isBlank()) {
            throw new InputRejected(new FieldProblem(field, label, "必填", "required"));
        }
        String trimmed = value.strip();
        if (figure.isMoney()) {
            if (!MONEY.matcher(trimmed).matches()) {
                throw new InputRejected(new FieldProblem(field, label,
                        "应为以万元为单位的非负金额，最多4位小数，如 1165.5066",
                        "must be a non-negative amount in 万元 with at most 4 decimals, e.g. 1165.5066"));
            }
            return new BigDecimal(trimmed).setScale(4, RoundingMode.UNNECESSARY).toPlainString();
        }
        if (!COUNT.matcher(trimmed).matches()) {
            throw new InputRejected(new FieldProblem(field, label, "应为不超过9位的非负整数（件数）",
                    "must be a whole number of at most 9 digits"));
        }
        return String.valueOf(Long.parseLong(trimmed));
    }

    /** The stored text as a number: scale 4 for money, 0 for counts. */
    static BigDecimal parse(Part2Figure figure, String stored) {
        BigDecimal value = new BigDecimal(stored);
        return figure.isMoney() ? value.setScale(4, RoundingMode.UNNECESSARY) : value;
    }
}
