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

    static Grid part3(Part3Table table) {
        TableColumn[] columns = TableColumn.values();
        TableRow[] rows = TableRow.values();
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

        for (int i = 0; i < rows.length; i++) {
            TableRow row = rows[i];
            int r = PART3_HEADER_ROWS + i;
            if (!row.isResult()) {
                cells.add(Cell.text(r, 0, 1, PART3_LABEL_COLUMNS, Kind.LABEL, row.label()));
            } else {
                if (i == 0 || !rows[i - 1].isResult()) {
                    cells.add(Cell.text(r, 0, runOfResults(rows, i), 1, Kind.LABEL, TableRow.RESULTS_HEADING));
                }
                if (row.group() == null) {
                    cells.add(Cell.text(r, 1, 1, 2, Kind.LABEL, row.label()));
                } else {
                    if (i == 0 || !Objects.equals(rows[i - 1].group(), row.group())) {
                        cells.add(Cell.text(r, 1, runOfGroup(rows, i), 1, Kind.LABEL, row.group()));
                    }
                    cells.add(Cell.text(r, 2, 1, 1, Kind.LABEL, row.label()));
                }
            }
            for (int c = 0; c < columns.length; c++) {
                cells.add(Cell.number(r, PART3_LABEL_COLUMNS + c, table.cell(row, columns[c])));
            }
        }
        return new Grid(PART3_HEADER_ROWS + rows.length, PART3_LABEL_COLUMNS + columns.length,
                PART3_HEADER_ROWS, cells);
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
        TableRow[] rows = TableRow.values();
        TableColumn[] columns = TableColumn.values();
        return OfficialTable.of(PART3_TITLE, part3(table), (r, c) -> new String[] {
                rows[r - PART3_HEADER_ROWS].name(), columns[c - PART3_LABEL_COLUMNS].name()});
    }

    /** Part 四 for a page (its counts are not broken down into applications). */
    static OfficialTable part4Table(Part4Table table) {
        return OfficialTable.of(PART4_TITLE, part4(table), (r, c) -> null);
    }

    private static int runOfColumns(TableColumn[] columns, int from) {
        int end = from;
        while (end < columns.length && Objects.equals(columns[end].group(), columns[from].group())) {
            end++;
        }
        return end - from;
    }

    private static int runOfResults(TableRow[] rows, int from) {
        int end = from;
        while (end < rows.length && rows[end].isResult()) {
            end++;
        }
        return end - from;
    }

    private static int runOfGroup(TableRow[] rows, int from) {
        int end = from;
        while (end < rows.length && Objects.equals(rows[end].group(), rows[from].group())) {
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
