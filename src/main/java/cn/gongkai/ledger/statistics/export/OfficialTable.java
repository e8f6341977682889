package cn.gongkai.ledger.statistics.export;

import java.util.List;

/**
 * One of the official tables (part 三 or 四) row by row as a page draws it, from the same {@link OfficialLayout}
 * the exports use: each row holds the cells starting in it, with their spans. A count of part 三 names its cell
 * ({@code rowCode}/{@code columnCode}, the API's {@code /cells/{row}/{column}}) so the page can open the
 * applications counted in it.
 *
 * @param title        the part's official heading
 * @param headerRows   how many of the first rows are the column header
 * @param rows         the cells of each row, left to right
 * @param columnWidths the width of each grid column in percent of the table's (they add up to 100), so that
 *                     a narrow page breaks the long labels, not 自然人 or 总计
 */
public record OfficialTable(String title, int headerRows, List<List<Cell>> rows, List<Integer> columnWidths) {

    public OfficialTable {
        rows = List.copyOf(rows);
        columnWidths = List.copyOf(columnWidths);
    }

    /**
     * Part 三 in the official layout: that of 国办公开办函〔2021〕30号, or with {@code otherHandlingInOneRow} that of
     * 国办公开办函〔2019〕60号, whose single (六)其他处理 row holds the sum of the three (六) rows.
     */
    public static OfficialTable part3(cn.gongkai.ledger.statistics.Part3Table table, boolean otherHandlingInOneRow) {
        return OfficialLayout.part3Table(table, otherHandlingInOneRow);
    }

    /** Part 四 in the official layout (the same in both formats). */
    public static OfficialTable part4(cn.gongkai.ledger.statistics.Part4Table table) {
        return OfficialLayout.part4Table(table);
    }

    /** The number of grid columns. */
    public int columns() {
        return columnWidths.size();
    }

    /**
     * @param header     a header or the corner note (drawn as {@code th})
     * @param label      a row label (drawn as {@code th scope=row})
     * @param text       the label, or null for a count
     * @param number     the count, or null for a label
     * @param rowCode    the {@code TableRow} of a part 三 count, else null
     * @param columnCode the {@code TableColumn} of a part 三 count, else null
     */
    public record Cell(boolean header, boolean label, int rowSpan, int columnSpan, String text, Long number,
                       String rowCode, String columnCode) {

        /** Whether the cell is a part 三 count above zero: a link to the applications counted in it. */
        public boolean opensApplications() {
            return number != null && number > 0 && rowCode != null;
        }

        /**
         * The text in the lines it should break into on a narrow page: a long label breaks after its 、, between
         * its two phrases (the two long (六) labels), not wherever the width runs out; other texts are one line.
         */
        public List<String> phrases() {
            if (text == null) {
                return List.of(Long.toString(number));
            }
            int at = text.indexOf('、');
            if (!label || text.length() <= 20 || at < 2 || at == text.length() - 1) {
                return List.of(text);
            }
            return List.of(text.substring(0, at + 1), text.substring(at + 1));
        }

        /** Item labels read left to right; everything spanning rows, headers and numbers are centred. */
        public boolean leftAligned() {
            return label && rowSpan == 1;
        }
    }

    static OfficialTable of(String title, Grid grid, List<Integer> columnWidths, CellCodes codes) {
        List<List<Cell>> rows = new java.util.ArrayList<>();
        for (int r = 0; r < grid.rows(); r++) {
            List<Cell> row = new java.util.ArrayList<>();
            for (Grid.Cell cell : grid.startingIn(r)) {
                boolean number = cell.kind() == Grid.Kind.NUMBER;
                String[] code = number ? codes.of(cell.row(), cell.column()) : null;
                row.add(new Cell(cell.kind() == Grid.Kind.HEADER || cell.kind() == Grid.Kind.NOTE,
                        cell.kind() == Grid.Kind.LABEL, cell.rowSpan(), cell.columnSpan(),
                        number ? null : cell.text(), number ? cell.number() : null,
                        code == null ? null : code[0], code == null ? null : code[1]));
            }
            rows.add(List.copyOf(row));
        }
        return new OfficialTable(title, grid.headerRows(), rows, columnWidths);
    }

    /** The codes of the count at a grid position ({row, column}), or null when it has none. */
    @FunctionalInterface
    interface CellCodes {
        String[] of(int gridRow, int gridColumn);
    }
}
