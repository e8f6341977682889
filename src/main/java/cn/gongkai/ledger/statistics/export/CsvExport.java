package cn.gongkai.ledger.statistics.export;

import cn.gongkai.ledger.statistics.export.Grid.Cell;
import cn.gongkai.ledger.statistics.export.Grid.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The official layout flattened into CSV (RFC 4180: CRLF, fields quoted when they hold a comma, a
 * quote or a line break), UTF-8 with a byte order mark so that Excel reads the Chinese correctly.
 *
 * <p>Flattening a merged cell: across columns, its text stands in the first column only; down rows,
 * it is repeated in every row, so that each data line carries its 三、本年度办理结果 / group / item
 * labels and the header line just above the numbers names all of them. The corner note is the one
 * exception: it is printed once.
 */
final class CsvExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String CRLF = "\r\n";

    private CsvExport() {
    }

    static byte[] render(ExportedTables tables) {
        Grid part3 = OfficialLayout.part3(tables.part3());
        Grid part4 = OfficialLayout.part4(tables.part4());
        int width = Math.max(part3.columns(), part4.columns());

        List<String[]> lines = new ArrayList<>();
        lines.add(single(tables.title(), width));
        for (String notice : Notices.of(tables)) {
            lines.add(single(notice, width));
        }
        lines.add(single("", width));
        lines.add(single(OfficialLayout.PART3_TITLE, width));
        lines.addAll(flatten(part3, width));
        lines.add(single("", width));
        lines.add(single(OfficialLayout.PART4_TITLE, width));
        lines.addAll(flatten(part4, width));

        StringBuilder csv = new StringBuilder();
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(field(line[i]));
            }
            csv.append(CRLF);
        }
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(BOM, BOM.length + text.length);
        System.arraycopy(text, 0, bytes, BOM.length, text.length);
        return bytes;
    }

    private static List<String[]> flatten(Grid grid, int width) {
        List<String[]> lines = new ArrayList<>();
        for (int r = 0; r < grid.rows(); r++) {
            String[] line = blank(width);
            for (int c = 0; c < grid.columns(); c++) {
                Cell cell = grid.at(r, c);
                if (cell.kind() == Kind.NUMBER) {
                    line[c] = Long.toString(cell.number());
                } else if (c == cell.column() && (r == cell.row() || cell.kind() != Kind.NOTE)) {
                    line[c] = cell.text();
                }
            }
            lines.add(line);
        }
        return lines;
    }

    private static String[] single(String text, int width) {
        String[] line = blank(width);
        line[0] = text;
        return line;
    }

    private static String[] blank(int width) {
        String[] line = new String[width];
        Arrays.fill(line, "");
        return line;
    }

    /** RFC 4180 quoting; text that a spreadsheet would run as a formula is defused with a quote mark. */
    static String field(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
