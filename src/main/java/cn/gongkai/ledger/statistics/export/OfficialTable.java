package cn.gongkai.ledger.statistics.export;

import java.util.List;

/**
 * One of the official tables (part 三 or 四) row by row as a page draws it, from the same {@link OfficialLayout}
 * the exports use: each row holds the cells starting in it, with their spans. A count of part 三 names its cell
 * ({@code rowCode}/{@code columnCode}, the API's {@code /cells/{row}/{column}}) so the page can open the
 * applications counted in it.
 *
 * @param title      the part's official heading
 * @param headerRows how many of the first rows are the column header
 * @param rows       the cells of each row, left to right
 */
public record OfficialTable(String title, int headerRows, List<List<Cell>> rows) {

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

        /** Item labels read left to right; everything spanning rows, headers and numbers are centred. */
        public boolean leftAligned() {
            return label && rowSpan == 1;
        }
    }

    static OfficialTable of(String title, Grid grid, CellCodes codes) {
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
        return new OfficialTable(title, grid.headerRows(), List.copyOf(rows));
    }

    /** The codes of the count at a grid position ({row, column}), or null when it has none. */
    @FunctionalInterface
    interface CellCodes {
        String[] of(int gridRow, int gridColumn);
    }
}
