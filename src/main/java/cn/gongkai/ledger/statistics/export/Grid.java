package cn.gongkai.ledger.statistics.export;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table placed on a grid of {@code rows × columns} as it is printed: every cell sits at its
 * top-left position and may span several rows or columns, the way merged cells do in a spreadsheet
 * and {@code rowspan}/{@code colspan} do in HTML. Together the cells cover the grid exactly once.
 *
 * @param rows       the number of grid rows
 * @param columns    the number of grid columns
 * @param headerRows how many of the first rows are the column header
 * @param cells      the cells, ordered by row, then column
 */
record Grid(int rows, int columns, int headerRows, List<Cell> cells) {

    /** What a cell holds, which decides how it is drawn. */
    enum Kind {
        /** The note in the top-left corner of part 三, stating the reconciliation rule. */
        NOTE,
        /** A column header. */
        HEADER,
        /** A row label. */
        LABEL,
        /** A count. */
        NUMBER
    }

    /** One cell; {@code text} is null exactly for {@link Kind#NUMBER}. */
    record Cell(int row, int column, int rowSpan, int columnSpan, Kind kind, String text, long number) {

        static Cell text(int row, int column, int rowSpan, int columnSpan, Kind kind, String text) {
            return new Cell(row, column, rowSpan, columnSpan, kind, Objects.requireNonNull(text), 0);
        }

        static Cell number(int row, int column, long number) {
            return new Cell(row, column, 1, 1, Kind.NUMBER, null, number);
        }

        int lastRow() {
            return row + rowSpan - 1;
        }

        int lastColumn() {
            return column + columnSpan - 1;
        }

        boolean merged() {
            return rowSpan > 1 || columnSpan > 1;
        }

        boolean covers(int r, int c) {
            return r >= row && r <= lastRow() && c >= column && c <= lastColumn();
        }
    }

    Grid {
        cells = cells.stream()
                .sorted(Comparator.comparingInt(Cell::row).thenComparingInt(Cell::column))
                .toList();
        int[][] cover = new int[rows][columns];
        for (Cell cell : cells) {
            for (int r = cell.row(); r <= cell.lastRow(); r++) {
                for (int c = cell.column(); c <= cell.lastColumn(); c++) {
                    cover[r][c]++;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (cover[r][c] != 1) {
                    throw new IllegalStateException("grid position " + r + "," + c + " is covered "
                            + cover[r][c] + " times");
                }
            }
        }
    }

    /** The cells whose top-left corner is in the given row, left to right. */
    List<Cell> startingIn(int row) {
        return cells.stream().filter(cell -> cell.row() == row).toList();
    }

    /** The cell covering the given position. */
    Cell at(int row, int column) {
        return find(row, column).orElseThrow();
    }

    private Optional<Cell> find(int row, int column) {
        return cells.stream().filter(cell -> cell.covers(row, column)).findFirst();
    }
}
