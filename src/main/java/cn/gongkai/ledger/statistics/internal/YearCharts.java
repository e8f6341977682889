package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.statistics.CountedApplication;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The year page's charts, drawn on the server as SVG shapes (the page needs no script): applications received
 * and concluded per month, the outcomes against the previous year, and the median working days from receipt to
 * conclusion per month. The figures come from the tables and from the applications counted in their cells
 * ({@code AnnualTables#applicationsIn}), the same read model the API answers from.
 */
final class YearCharts {

    static final int WIDTH = 600;
    static final int HEIGHT = 230;
    private static final int LEFT = 40;
    private static final int RIGHT = 10;
    private static final int TOP = 16;
    private static final int BOTTOM = 44;

    private YearCharts() {
    }

    /** One chart: its bars and texts in SVG coordinates, and the figures in words for screen readers. */
    record Chart(String id, String title, String description, int width, int height, List<Bar> bars,
                 List<Text> texts, List<Legend> legend) {
    }

    /** A bar; {@code series} is its CSS class (its colour), {@code tip} the figure in words. */
    record Bar(int x, int y, int width, int height, String series, String tip) {
    }

    /** A text at (x, y); anchor is start, middle or end. */
    record Text(int x, int y, String text, String anchor) {
    }

    record Legend(String series, String label) {
    }

    static Chart monthly(int year, List<CountedApplication> received, List<CountedApplication> concluded) {
        long[] in = new long[12];
        long[] out = new long[12];
        received.forEach(a -> in[a.receivedOn().getMonthValue() - 1]++);
        concluded.forEach(a -> out[a.concludedOn().getMonthValue() - 1]++);
        List<String> labels = months();
        StringBuilder words = new StringBuilder();
        for (int m = 0; m < 12; m++) {
            words.append(m + 1).append("月收到").append(in[m]).append("件、办结").append(out[m]).append("件；");
        }
        return bars("chart-monthly", year + "年每月收到和办结的申请（件）", words.toString(), labels,
                List.of(in, out), List.of(new Legend("s1", "本年新收"), new Legend("s2", "办结")), "件");
    }

    static Chart outcomes(Part3Table table, Part3Table previous) {
        Map<String, long[]> groups = new LinkedHashMap<>();
        for (TableRow row : TableRow.values()) {
            if (row.isOutcome()) {
                long[] pair = groups.computeIfAbsent(shortLabel(row), k -> new long[2]);
                pair[0] += previous.cell(row, TableColumn.TOTAL);
                pair[1] += table.cell(row, TableColumn.TOTAL);
            }
        }
        List<String> labels = new ArrayList<>(groups.keySet());
        long[] before = new long[labels.size()];
        long[] now = new long[labels.size()];
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            before[i] = groups.get(labels.get(i))[0];
            now[i] = groups.get(labels.get(i))[1];
            words.append(labels.get(i)).append(previous.year()).append("年").append(before[i]).append("件、")
                    .append(table.year()).append("年").append(now[i]).append("件；");
        }
        return bars("chart-outcomes", "办理结果：" + table.year() + "年与" + previous.year() + "年对比（件）",
                words.toString(), labels, List.of(before, now),
                List.of(new Legend("s3", previous.year() + "年"), new Legend("s1", table.year() + "年")), "件");
    }

    /** The median, per month of conclusion, of the working days from receipt to conclusion. */
    static Chart medianWorkingDays(int year, List<CountedApplication> concluded, WorkingDayCalendar calendar) {
        List<List<Integer>> byMonth = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            byMonth.add(new ArrayList<>());
        }
        for (CountedApplication application : concluded) {
            byMonth.get(application.concludedOn().getMonthValue() - 1)
                    .add(workingDays(application.receivedOn(), application.concludedOn(), calendar));
        }
        long[] medians = new long[12];
        StringBuilder words = new StringBuilder();
        for (int m = 0; m < 12; m++) {
            List<Integer> days = byMonth.get(m);
            medians[m] = days.isEmpty() ? 0 : median(days);
            words.append(m + 1).append("月").append(days.isEmpty() ? "无办结" : "中位数" + medians[m] + "个工作日")
                    .append("；");
        }
        return bars("chart-median", year + "年每月办结申请的答复用时中位数（工作日）", words.toString(), months(),
                List.of(medians), List.of(new Legend("s2", "答复用时中位数")), "个工作日");
    }

    /** Working days after the day of receipt up to and including the day of conclusion. */
    static int workingDays(LocalDate received, LocalDate concluded, WorkingDayCalendar calendar) {
        int days = 0;
        for (LocalDate day = received.plusDays(1); !day.isAfter(concluded); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                days++;
            }
        }
        return days;
    }

    /** The median, rounded half up to whole days. */
    static long median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
    }

    /** "(三) 不予公开" for a grouped row; "(二) 部分公开" for the long label of (二). */
    private static String shortLabel(TableRow row) {
        String label = row.group() != null ? row.group() : row.label();
        int note = label.indexOf('(', 3);
        return note > 0 ? label.substring(0, note) : label;
    }

    private static List<String> months() {
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(m + "月");
        }
        return months;
    }

    /** Grouped bars: one group per label, one bar per series, with a scale of whole numbers on the left. */
    private static Chart bars(String id, String title, String description, List<String> labels, List<long[]> series,
                              List<Legend> legend, String unit) {
        long max = 1;
        for (long[] values : series) {
            for (long value : values) {
                max = Math.max(max, value);
            }
        }
        long step = niceStep(max);
        long top = ((max + step - 1) / step) * step;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - RIGHT;
        List<Bar> bars = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        for (long tick = 0; tick <= top; tick += step) {
            int y = TOP + plotHeight - (int) Math.round(plotHeight * (double) tick / top);
            texts.add(new Text(LEFT - 6, y + 4, Long.toString(tick), "end"));
        }
        double slot = (double) plotWidth / labels.size();
        int barWidth = (int) Math.max(4, Math.floor(slot * 0.8 / series.size()));
        for (int i = 0; i < labels.size(); i++) {
            int groupX = LEFT + (int) Math.round(i * slot + (slot - barWidth * series.size()) / 2);
            for (int s = 0; s < series.size(); s++) {
                long value = series.get(s)[i];
                int h = (int) Math.round(plotHeight * (double) value / top);
                bars.add(new Bar(groupX + s * barWidth, TOP + plotHeight - h, barWidth - 1, h, legend.get(s).series(),
                        labels.get(i) + " " + legend.get(s).label() + "：" + value + unit));
                if (value > 0) {
                    texts.add(new Text(groupX + s * barWidth + barWidth / 2, TOP + plotHeight - h - 3,
                            Long.toString(value), "middle"));
                }
            }
            int centre = LEFT + (int) Math.round(i * slot + slot / 2);
            boolean slanted = labels.get(i).length() > 4;
            texts.add(new Text(centre, HEIGHT - BOTTOM + (slanted ? 16 : 18), labels.get(i), "middle"));
        }
        return new Chart(id, title, description, WIDTH, HEIGHT, bars, texts, legend);
    }

    private static long niceStep(long max) {
        long magnitude = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (max <= 5 * factor * magnitude) {
                    return factor * magnitude;
                }
            }
            magnitude *= 10;
        }
    }
}
