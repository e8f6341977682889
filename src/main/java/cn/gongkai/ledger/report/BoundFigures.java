package cn.gongkai.ledger.report;

import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a prose text may be bound to, and their placeholders. A figure the service drafts is stored
 * as a placeholder and resolved whenever the text is read, so it follows its cell:
 * <ul>
 *   <li>{@code {{三.RECEIVED.TOTAL}}}: a cell of part 三; {@code {{三.WITHHELD_*.TOTAL}}} the sum of a group's rows;</li>
 *   <li>{@code {{四.RECONSIDERATION.TOTAL}}}: a cell of part 四; {@code {{四.LITIGATION.TOTAL}}} both litigation groups;</li>
 *   <li>{@code {{二.LICENSING}}}: a figure of part 二;</li>
 *   <li>{@code {{句.复议诉讼}}}: the clause on reconsideration and litigation ("未发生因办理情况引起的行政复议和行政诉讼");</li>
 *   <li>{@code {{句.信息处理费}}}: the sentence on the 信息处理费 collected ("2021年度…未收取信息处理费");</li>
 *   <li>{@code {{年度}}}, {@code {{机关}}}: the year and the agency's name.</li>
 * </ul>
 */
record BoundFigures(String agencyName, int year, Part3Table part3, Part4Table part4,
                    Map<Part2Figure, BigDecimal> part2, long feesCollectedFen) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]{1,60})\\}\\}");

    /** The text with every placeholder replaced by its figure or clause as it stands now. */
    String resolve(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(
                    value(matcher.group(1)).orElse(matcher.group())));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /** The placeholders of a text that name no figure. */
    static List<String> unknownPlaceholders(String text) {
        BoundFigures any = new BoundFigures("", 2000, Part3Table.builder("", 2000, false).build(),
                Part4Table.empty("", 2000), Map.of(), 0);
        List<String> unknown = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (any.value(matcher.group(1)).isEmpty()) {
                unknown.add(matcher.group());
            }
        }
        return unknown;
    }

    long litigation(DisputeColumn column) {
        return part4.cell(DisputeGroup.LITIGATION_DIRECT, column)
                + part4.cell(DisputeGroup.LITIGATION_AFTER_RECONSIDERATION, column);
    }

    /** 信息处理费 in 元, exact to the 分. */
    BigDecimal feesCollectedYuan() {
        return BigDecimal.valueOf(feesCollectedFen, 2);
    }

    String disputesClause() {
        long reconsideration = part4.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.TOTAL);
        long litigation = litigation(DisputeColumn.TOTAL);
        if (reconsideration == 0 && litigation == 0) {
            return "未发生因办理情况引起的行政复议和行政诉讼";
        }
        return "因办理情况引起行政复议" + reconsideration + "件、行政诉讼" + litigation + "件";
    }

    String feesSentence() {
        if (feesCollectedFen == 0) {
            return year + "年度" + agencyName + "未收取信息处理费";
        }
        return year + "年度" + agencyName + "共收取信息处理费" + feesCollectedYuan().toPlainString() + "元";
    }

    private Optional<String> value(String token) {
        String[] parts = token.split("\\.");
        try {
            return switch (parts[0]) {
                case "年度" -> parts.length == 1 ? Optional.of(String.valueOf(year)) : Optional.empty();
                case "机关" -> parts.length == 1 ? Optional.of(agencyName) : Optional.empty();
                case "句" -> parts.length != 2 ? Optional.empty() : switch (parts[1]) {
                    case "复议诉讼" -> Optional.of(disputesClause());
                    case "信息处理费" -> Optional.of(feesSentence());
                    default -> Optional.empty();
                };
                case "三" -> parts.length != 3 ? Optional.empty()
                        : Optional.of(String.valueOf(part3Cell(parts[1], TableColumn.valueOf(parts[2]))));
                case "四" -> parts.length != 3 ? Optional.empty()
                        : Optional.of(String.valueOf(part4Cell(parts[1], DisputeColumn.valueOf(parts[2]))));
                case "二" -> parts.length != 2 ? Optional.empty()
                        : Optional.of(part2Text(Part2Figure.valueOf(parts[1])));
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException unknownCode) {
            return Optional.empty();
        }
    }

    long part3Cell(String row, TableColumn column) {
        if (row.endsWith("_*")) {
            String prefix = row.substring(0, row.length() - 1);
            long sum = 0;
            boolean any = false;
            for (TableRow candidate : TableRow.values()) {
                if (candidate.isOutcome() && candidate.name().startsWith(prefix)) {
                    sum += part3.cell(candidate, column);
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalArgumentException("no rows " + row);
            }
            return sum;
        }
        return part3.cell(TableRow.valueOf(row), column);
    }

    long part4Cell(String group, DisputeColumn column) {
        return "LITIGATION".equals(group) ? litigation(column) : part4.cell(DisputeGroup.valueOf(group), column);
    }

    String part2Text(Part2Figure figure) {
        BigDecimal value = part2.get(figure);
        if (value == null) {
            return "（" + figure.label() + "未填报）";
        }
        return value.toPlainString();
    }
}
