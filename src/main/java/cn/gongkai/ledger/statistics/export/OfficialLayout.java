package cn.gongkai.ledger.statistics.export;

import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import cn.gongkai.ledger.statistics.export.Grid.Cell;
import cn.gongkai.ledger.statistics.export.Grid.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parts 三 and 四 laid out exactly as in 《中华人民共和国政府信息公开工作年度报告格式》
 * (国办公开办函〔2021〕30号). The spans are derived from the vocabulary ({@link TableRow#group()},
 * {@link TableColumn#group()}, {@link DisputeGroup#heading()}), not typed in, so a row or column
 * added there lands in the right place here.
 *
 * <p>Part 三 has three label columns: 三、本年度办理结果 runs down the first beside all its rows; a group
 * ((三) 不予公开 …) runs down the second beside its items, which take the third; a row without a
 * group takes the second and third ((一) 予以公开), and a row outside the results takes all three
 * (一、本年新收…). The corner note takes the three label columns of the three header rows.
 */
final class OfficialLayout {

    static final String PART3_TITLE = "三、收到和处理政府信息公开申请情况";
    static final String PART4_TITLE = "四、政府信息公开行政复议、行政诉讼情况";
    static final String PART3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    static final String APPLICANTS = "申请人情况";

    /** Label columns of part 三, before the seven numbers. */
    static final int PART3_LABEL_COLUMNS = 3;
    static final int PART3_HEADER_ROWS = 3;
    static final int PART4_HEADER_ROWS = 3;

    private OfficialLayout() {
    }

    /** The label of the single (六) row of the 2019 layout, which holds the sum of the three rows of 2021. */
    static final String OTHER_HANDLING_2019 = "(六) 其他处理";

    /** Column widths of part 三 in percent: the three label columns, then the seven counts. */
    static final List<Integer> PART3_WIDTHS = List.of(5, 8, 31, 8, 8, 8, 8, 8, 8, 8);

    static Grid part3(Part3Table table) {
        return part3(table, false);
    }

    /**
     * Part 三; with {@code otherHandlingInOneRow} in the layout of 国办公开办函〔2019〕60号, whose (六)其他处理 is one
     * row holding the sum of the three (六) rows of 2021 (the codes stay the same; only the layout differs).
     */
    static Grid part3(Part3Table table, boolean otherHandlingInOneRow) {
        TableColumn[] columns = TableColumn.values();
        List<LayoutRow> rows = rows(table, otherHandlingInOneRow);
        List<Cell> cells = new ArrayList<>();

        cells.add(Cell.text(0, 0, PART3_HEADER_ROWS, PART3_LABEL_COLUMNS, Kind.NOTE, PART3_NOTE));
        cells.add(Cell.text(0, PART3_LABEL_COLUMNS, 1, columns.length, Kind.HEADER, APPLICANTS));
        for (int c = 0; c < columns.length; ) {
            String group = columns[c].group();
            int at = PART3_LABEL_COLUMNS + c;
            if (group == null) {
                cells.add(Cell.text(1, at, 2, 1, Kind.HEADER, columns[c].label()));
                c++;
                continue;
            }
            int run = runOfColumns(columns, c);
            cells.add(Cell.text(1, at, 1, run, Kind.HEADER, group));
            for (int k = 0; k < run; k++) {
                cells.add(Cell.text(2, at + k, 1, 1, Kind.HEADER, columns[c + k].label()));
            }
            c += run;
        }

        for (int i = 0; i < rows.size(); i++) {
            LayoutRow row = rows.get(i);
            int r = PART3_HEADER_ROWS + i;
            if (!row.result()) {
                cells.add(Cell.text(r, 0, 1, PART3_LABEL_COLUMNS, Kind.LABEL, row.label()));
            } else {
                if (i == 0 || !rows.get(i - 1).result()) {
                    cells.add(Cell.text(r, 0, runOfResults(rows, i), 1, Kind.LABEL, TableRow.RESULTS_HEADING));
                }
                if (row.group() == null) {
                    cells.add(Cell.text(r, 1, 1, 2, Kind.LABEL, row.label()));
                } else {
                    if (i == 0 || !Objects.equals(rows.get(i - 1).group(), row.group())) {
                        cells.add(Cell.text(r, 1, runOfGroup(rows, i), 1, Kind.LABEL, row.group()));
                    }
                    cells.add(Cell.text(r, 2, 1, 1, Kind.LABEL, row.label()));
                }
            }
            for (int c = 0; c < columns.length; c++) {
                cells.add(Cell.number(r, PART3_LABEL_COLUMNS + c, row.counts()[c]));
            }
        }
        return new Grid(PART3_HEADER_ROWS + rows.size(), PART3_LABEL_COLUMNS + columns.length,
                PART3_HEADER_ROWS, cells);
    }

    /** The rows of part 三 as printed: the codes, or in the 2019 layout the three (六) rows as one. */
    static List<LayoutRow> rows(Part3Table table, boolean otherHandlingInOneRow) {
        TableColumn[] columns = TableColumn.values();
        List<LayoutRow> rows = new ArrayList<>();
        for (TableRow row : TableRow.values()) {
            boolean other = row == TableRow.OTHER_CORRECTION_NOT_SUBMITTED || row == TableRow.OTHER_FEE_NOT_PAID
                    || row == TableRow.OTHER_OTHER;
            if (otherHandlingInOneRow && other) {
                if (row == TableRow.OTHER_CORRECTION_NOT_SUBMITTED) {
                    long[] sum = new long[columns.length];
                    for (int c = 0; c < columns.length; c++) {
                        sum[c] = table.cell(TableRow.OTHER_CORRECTION_NOT_SUBMITTED, columns[c])
                                + table.cell(TableRow.OTHER_FEE_NOT_PAID, columns[c])
                                + table.cell(TableRow.OTHER_OTHER, columns[c]);
                    }
                    rows.add(new LayoutRow(null, null, OTHER_HANDLING_2019, true, sum));
                }
                continue;
            }
            long[] counts = new long[columns.length];
            for (int c = 0; c < columns.length; c++) {
                counts[c] = table.cell(row, columns[c]);
            }
            rows.add(new LayoutRow(row, row.group(), row.label(), row.isResult(), counts));
        }
        return rows;
    }

    /** A printed row of part 三: its code (null for the 2019 (六) row), group, label and counts by column. */
    record LayoutRow(TableRow code, String group, String label, boolean result, long[] counts) {
    }

    static Grid part4(Part4Table table) {
        DisputeGroup[] groups = DisputeGroup.values();
        DisputeColumn[] columns = DisputeColumn.values();
        int width = columns.length;
        List<Cell> cells = new ArrayList<>();

        for (int g = 0; g < groups.length; ) {
            DisputeGroup group = groups[g];
            int at = g * width;
            if (group.heading() == null) {
                cells.add(Cell.text(0, at, 1, width, Kind.HEADER, group.label()));
                for (int c = 0; c < width; c++) {
                    cells.add(Cell.text(1, at + c, 2, 1, Kind.HEADER, columns[c].label()));
                }
                g++;
                continue;
            }
            int run = runOfHeading(groups, g);
            cells.add(Cell.text(0, at, 1, run * width, Kind.HEADER, group.heading()));
            for (int k = 0; k < run; k++) {
                int groupAt = at + k * width;
                cells.add(Cell.text(1, groupAt, 1, width, Kind.HEADER, groups[g + k].label()));
                for (int c = 0; c < width; c++) {
                    cells.add(Cell.text(2, groupAt + c, 1, 1, Kind.HEADER, columns[c].label()));
                }
            }
            g += run;
        }
        for (int g = 0; g < groups.length; g++) {
            for (int c = 0; c < width; c++) {
                cells.add(Cell.number(PART4_HEADER_ROWS, g * width + c, table.cell(groups[g], columns[c])));
            }
        }
        return new Grid(PART4_HEADER_ROWS + 1, groups.length * width, PART4_HEADER_ROWS, cells);
    }

    /** Part 三 for a page, each count naming its row and column. */
    static OfficialTable part3Table(Part3Table table) {
        return part3Table(table, false);
    }

    /** Part 三 for a page or a document; in the 2019 layout the single (六) row names no cell. */
    static OfficialTable part3Table(Part3Table table, boolean otherHandlingInOneRow) {
        List<LayoutRow> rows = rows(table, otherHandlingInOneRow);
        TableColumn[] columns = TableColumn.values();
        return OfficialTable.of(PART3_TITLE, part3(table, otherHandlingInOneRow), PART3_WIDTHS, (r, c) -> {
            TableRow code = rows.get(r - PART3_HEADER_ROWS).code();
            return code == null ? null : new String[] {code.name(), columns[c - PART3_LABEL_COLUMNS].name()};
        });
    }

    /** Part 四 for a page (its counts are not broken down into applications). */
    static OfficialTable part4Table(Part4Table table) {
        Grid grid = part4(table);
        return OfficialTable.of(PART4_TITLE, grid, part4Widths(grid.columns()), (r, c) -> null);
    }

    /** Equal widths in percent for part 四's columns, the rounding put into the first ones. */
    static List<Integer> part4Widths(int columns) {
        List<Integer> widths = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            widths.add(100 / columns + (c < 100 % columns ? 1 : 0));
        }
        return widths;
    }

    private static int runOfColumns(TableColumn[] columns, int from) {
        int end = from;
        while (end < columns.length && Objects.equals(columns[end].group(), columns[from].group())) {
            end++;
        }
        return end - from;
    }

    private static int runOfResults(List<LayoutRow> rows, int from) {
        int end = from;
        while (end < rows.size() && rows.get(end).result()) {
            end++;
        }
        return end - from;
    }

    private static int runOfGroup(List<LayoutRow> rows, int from) {
        int end = from;
        while (end < rows.size() && Objects.equals(rows.get(end).group(), rows.get(from).group())) {
            end++;
        }
        return end - from;
    }

    private static int runOfHeading(DisputeGroup[] groups, int from) {
        int end = from;
        while (end < groups.length && Objects.equals(groups[end].heading(), groups[from].heading())) {
            end++;
        }
        return end - from;
    }
}
