package cn.gongkai.ledger.report;

import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the figures staff typed themselves into the prose next to 收到 / 办结 / 结转 / 公开 / 复议 / 诉讼 / 收费,
 * and the "none" statements (未发生…行政复议, 未收取信息处理费), and checks each against its cell. Figures the
 * service bound to a cell (placeholders) are not typed and are not checked: they cannot disagree.
 *
 * <p>A typed figure is an Arabic number followed by 件 (元, 万元 for money); it belongs to the keyword that
 * ends closest before it within its clause (no comma or full stop in between, at most 14 characters back),
 * so "收到行政复议申请2件" is a reconsideration figure, not a receipt.
 */
final class ProseFigures {

    private static final Pattern SENTENCE = Pattern.compile("[^。；;！!？?\\n]+[。；;！!？?]?");
    private static final Pattern COUNT = Pattern.compile("(\\d+)\\s*件");
    private static final Pattern MONEY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(万元|元)");
    private static final String CLAUSE_BREAKS = "，,、：:（）()";
    private static final int LOOK_BACK = 14;

    /** Keyword → what it counts, the longer keywords first so that 上年结转 wins over 结转. */
    private static final List<String[]> KEYWORDS = List.of(
            new String[] {"上年结转", "三.CARRIED_OVER.TOTAL"},
            new String[] {"转下一年度", "三.CARRIED_FORWARD.TOTAL"},
            new String[] {"转入下一年度", "三.CARRIED_FORWARD.TOTAL"},
            new String[] {"结转下年度", "三.CARRIED_FORWARD.TOTAL"},
            new String[] {"结转", "三.CARRIED_FORWARD.TOTAL"},
            new String[] {"收到", "三.RECEIVED.TOTAL"},
            new String[] {"新收", "三.RECEIVED.TOTAL"},
            new String[] {"受理", "三.RECEIVED.TOTAL"},
            new String[] {"办结", "三.RESOLVED_TOTAL.TOTAL"},
            new String[] {"予以公开", "三.DISCLOSED.TOTAL"},
            new String[] {"全部公开", "三.DISCLOSED.TOTAL"},
            new String[] {"部分公开", "三.PARTIALLY_DISCLOSED.TOTAL"},
            new String[] {"行政复议", "四.RECONSIDERATION.TOTAL"},
            new String[] {"行政诉讼", "四.LITIGATION.TOTAL"});

    private ProseFigures() {
    }

    /** A typed figure or statement that contradicts its cell. */
    record Contradiction(ProseSection section, String sentence, String cell, String cellLabel, String typed,
                         String table) {
    }

    static List<Contradiction> check(ProseSection section, String storedText, BoundFigures figures) {
        List<Contradiction> found = new ArrayList<>();
        Matcher sentences = SENTENCE.matcher(storedText);
        while (sentences.find()) {
            String stored = sentences.group();
            // bound figures are not typed: blank them out so that their digits are never read as typed ones
            String typed = BoundFigures.PLACEHOLDER.matcher(stored).replaceAll("□");
            String shown = figures.resolve(stored).strip();
            Matcher counts = COUNT.matcher(typed);
            while (counts.find()) {
                String cell = cellBefore(typed, counts.start());
                if (cell == null) {
                    continue;
                }
                long table = count(cell, figures);
                long value = Long.parseLong(counts.group(1));
                if (value != table) {
                    found.add(new Contradiction(section, shown, cell, label(cell), counts.group(),
                            String.valueOf(table)));
                }
            }
            Matcher money = MONEY.matcher(typed);
            while (money.find()) {
                String before = clauseBefore(typed, money.start());
                BigDecimal value = new BigDecimal(money.group(1));
                if ("元".equals(money.group(2)) && before.contains("信息处理费")
                        && value.compareTo(figures.feesCollectedYuan()) != 0) {
                    found.add(new Contradiction(section, shown, "六.信息处理费", "本年度收取的信息处理费（元）",
                            money.group(), figures.feesCollectedYuan().toPlainString() + "元"));
                }
                BigDecimal fees = figures.part2().get(Part2Figure.FEES);
                if ("万元".equals(money.group(2)) && before.contains("行政事业性收费") && fees != null
                        && value.compareTo(fees) != 0) {
                    found.add(new Contradiction(section, shown, "二.FEES", "二、" + Part2Figure.FEES.label(),
                            money.group(), fees.toPlainString() + "万元"));
                }
            }
            if (typed.contains("未发生") && typed.contains("行政复议")
                    && figures.part4().cell(DisputeGroup.RECONSIDERATION, DisputeColumn.TOTAL) != 0) {
                found.add(new Contradiction(section, shown, "四.RECONSIDERATION.TOTAL", label("四.RECONSIDERATION.TOTAL"),
                        "未发生", String.valueOf(figures.part4().cell(DisputeGroup.RECONSIDERATION, DisputeColumn.TOTAL))));
            }
            if (typed.contains("未发生") && typed.contains("行政诉讼") && figures.litigation(DisputeColumn.TOTAL) != 0) {
                found.add(new Contradiction(section, shown, "四.LITIGATION.TOTAL", label("四.LITIGATION.TOTAL"),
                        "未发生", String.valueOf(figures.litigation(DisputeColumn.TOTAL))));
            }
            if (typed.contains("未收取信息处理费") && figures.feesCollectedFen() != 0) {
                found.add(new Contradiction(section, shown, "六.信息处理费", "本年度收取的信息处理费（元）",
                        "未收取", figures.feesCollectedYuan().toPlainString() + "元"));
            }
        }
        return found;
    }

    /** The cell of the keyword ending closest before {@code at} in the same clause, or null. */
    private static String cellBefore(String text, int at) {
        String clause = clauseBefore(text, at);
        int best = -1;
        String cell = null;
        for (String[] keyword : KEYWORDS) {
            int end = clause.lastIndexOf(keyword[0]);
            if (end >= 0 && end + keyword[0].length() > best) {
                best = end + keyword[0].length();
                cell = keyword[1];
            }
        }
        return cell;
    }

    private static String clauseBefore(String text, int at) {
        int from = Math.max(0, at - LOOK_BACK);
        for (int i = at - 1; i >= from; i--) {
            if (CLAUSE_BREAKS.indexOf(text.charAt(i)) >= 0) {
                from = i + 1;
                break;
            }
        }
        return text.substring(from, at);
    }

    private static long count(String cell, BoundFigures figures) {
        String[] parts = cell.split("\\.");
        return "三".equals(parts[0]) ? figures.part3Cell(parts[1], TableColumn.valueOf(parts[2]))
                : figures.part4Cell(parts[1], DisputeColumn.valueOf(parts[2]));
    }

    /** The cell as printed: 表三“一、本年新收政府信息公开申请数量”·总计. */
    static String label(String cell) {
        String[] parts = cell.split("\\.");
        if ("三".equals(parts[0])) {
            return "表三“" + TableRow.valueOf(parts[1]).label() + "”·" + TableColumn.valueOf(parts[2]).label();
        }
        if ("四".equals(parts[0])) {
            String group = "LITIGATION".equals(parts[1]) ? "行政诉讼" : DisputeGroup.valueOf(parts[1]).label();
            return "表四“" + group + "”·" + DisputeColumn.valueOf(parts[2]).label();
        }
        return cell;
    }
}
