package cn.gongkai.ledger.statistics.export;

import cn.gongkai.ledger.statistics.export.Grid.Cell;
import cn.gongkai.ledger.statistics.export.Grid.Kind;

/**
 * The two tables as an HTML fragment that staff paste into the agency's website: plain
 * {@code <table>}s whose {@code rowspan}/{@code colspan} follow the official layout, with inline
 * styles only (a CMS keeps them, and there is no stylesheet to bring along). All text is escaped.
 */
final class HtmlExport {

    /**
     * A fixed layout at the page's width with the {@link OfficialLayout} column widths: without them a browser
     * gives the long labels all the room and breaks 自然人, 其他 and 总计 one character per line.
     */
    private static final String TABLE_STYLE = "border-collapse:collapse;margin:0 auto;width:100%;"
            + "table-layout:fixed;font-family:'宋体',SimSun,'Noto Serif CJK SC',serif;font-size:14px;line-height:1.5";
    private static final String CELL_STYLE = "border:1px solid #000;padding:4px 4px;vertical-align:middle;"
            + "overflow-wrap:break-word;";

    private HtmlExport() {
    }

    static String render(ExportedTables tables) {
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"gongkai-annual-tables\">\n");
        html.append("<p style=\"text-align:center;font-weight:bold;font-size:20px\">")
                .append(escape(tables.title())).append("</p>\n");
        for (String notice : Notices.of(tables)) {
            html.append("<p style=\"color:#b00000\">").append(escape(notice)).append("</p>\n");
        }
        html.append("<p style=\"font-weight:bold\">").append(escape(OfficialLayout.PART3_TITLE)).append("</p>\n");
        table(html, OfficialLayout.part3(tables.part3()), OfficialLayout.PART3_WIDTHS);
        html.append("<p style=\"font-weight:bold\">").append(escape(OfficialLayout.PART4_TITLE)).append("</p>\n");
        Grid part4 = OfficialLayout.part4(tables.part4());
        table(html, part4, OfficialLayout.part4Widths(part4.columns()));
        for (String line : Notices.status(tables)) {
            html.append("<p style=\"font-size:12px;color:#333\">").append(escape(line)).append("</p>\n");
        }
        html.append("</div>\n");
        return html.toString();
    }

    private static void table(StringBuilder html, Grid grid, java.util.List<Integer> widths) {
        html.append("<table style=\"").append(TABLE_STYLE).append("\">\n<colgroup>");
        for (int width : widths) {
            html.append("<col style=\"width:").append(width).append("%\"/>");
        }
        html.append("</colgroup>\n<thead>\n");
        for (int r = 0; r < grid.rows(); r++) {
            if (r == grid.headerRows()) {
                html.append("</thead>\n<tbody>\n");
            }
            html.append("<tr>");
            for (Cell cell : grid.startingIn(r)) {
                cell(html, cell);
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void cell(StringBuilder html, Cell cell) {
        String tag = cell.kind() == Kind.HEADER || cell.kind() == Kind.NOTE ? "th" : "td";
        html.append('<').append(tag);
        if (cell.rowSpan() > 1) {
            html.append(" rowspan=\"").append(cell.rowSpan()).append('"');
        }
        if (cell.columnSpan() > 1) {
            html.append(" colspan=\"").append(cell.columnSpan()).append('"');
        }
        html.append(" style=\"").append(CELL_STYLE).append(alignment(cell)).append("\">");
        html.append(cell.kind() == Kind.NUMBER ? Long.toString(cell.number()) : escape(cell.text()));
        html.append("</").append(tag).append(">");
    }

    /** Item labels read left to right; everything spanning rows, and all headers and numbers, is centred. */
    private static String alignment(Cell cell) {
        boolean left = cell.kind() == Kind.LABEL && cell.rowSpan() == 1;
        return (left ? "text-align:left;" : "text-align:center;") + "font-weight:normal";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(ch);
            }
        }
        return escaped.toString();
    }
}
