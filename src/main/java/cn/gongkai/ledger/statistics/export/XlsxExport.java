package cn.gongkai.ledger.statistics.export;

import cn.gongkai.ledger.statistics.export.Grid.Cell;
import cn.gongkai.ledger.statistics.export.Grid.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The two tables as a workbook, one sheet each, laid out and merged as the official tables are and
 * set up to print each on one A4 landscape page. Above each table: the report title and the part's
 * heading; below, when the figures are not final, the {@link Notices}.
 *
 * <p>Row heights are set from the text, because neither POI nor a spreadsheet program fits the
 * height of a row to wrapped text in merged cells.
 */
final class XlsxExport {

    static final String PART3_SHEET = OfficialLayout.PART3_TITLE;
    /**
     * The official heading whole: 19 characters, within Excel's 31, and none of the characters a sheet name may
     * not hold (: \\ / ? * [ ]). Part 三's sheet is its heading too.
     */
    static final String PART4_SHEET = OfficialLayout.PART4_TITLE;

    /** The table starts below the report title and the part heading. */
    static final int TABLE_TOP = 2;

    /** 宋体 五号, the size of body text in official documents. */
    private static final String FONT = "宋体";
    private static final short BODY_TWIPS = 210;
    private static final float LINE_POINTS = 14.5f;

    /** Column widths in characters of the default font; a CJK character counts two. */
    private static final int[] PART3_WIDTHS = {6, 14, 46, 8, 8, 8, 8, 8, 8, 8};
    private static final int PART4_WIDTH = 9;

    private XlsxExport() {
    }

    static byte[] render(ExportedTables tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getProperties().getCoreProperties().setTitle(tables.title());
            Styles styles = new Styles(workbook);

            Grid part3 = OfficialLayout.part3(tables.part3());
            Sheet sheet3 = workbook.createSheet(WorkbookUtil.createSafeSheetName(PART3_SHEET));
            write(sheet3, part3, PART3_WIDTHS, OfficialLayout.PART3_TITLE, tables, styles);

            Grid part4 = OfficialLayout.part4(tables.part4());
            int[] part4Widths = new int[part4.columns()];
            Arrays.fill(part4Widths, PART4_WIDTH);
            Sheet sheet4 = workbook.createSheet(WorkbookUtil.createSafeSheetName(PART4_SHEET));
            write(sheet4, part4, part4Widths, OfficialLayout.PART4_TITLE, tables, styles);

            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the annual tables workbook failed", e);
        }
    }

    private static void write(Sheet sheet, Grid grid, int[] widths, String heading, ExportedTables tables,
                              Styles styles) {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        int lastColumn = grid.columns() - 1;

        banner(sheet, 0, lastColumn, tables.title(), styles.title, 28f);
        banner(sheet, 1, lastColumn, heading, styles.heading, 22f);

        for (int r = 0; r < grid.rows(); r++) {
            sheet.createRow(TABLE_TOP + r);
        }
        for (Cell cell : grid.cells()) {
            CellStyle style = styles.of(cell);
            for (int r = cell.row(); r <= cell.lastRow(); r++) {
                for (int c = cell.column(); c <= cell.lastColumn(); c++) {
                    sheet.getRow(TABLE_TOP + r).createCell(c).setCellStyle(style);
                }
            }
            org.apache.poi.ss.usermodel.Cell target = sheet.getRow(TABLE_TOP + cell.row()).getCell(cell.column());
            if (cell.kind() == Kind.NUMBER) {
                target.setCellValue(cell.number());
            } else {
                target.setCellValue(phrased(cell, widths));
            }
            if (cell.merged()) {
                sheet.addMergedRegion(new CellRangeAddress(TABLE_TOP + cell.row(), TABLE_TOP + cell.lastRow(),
                        cell.column(), cell.lastColumn()));
            }
        }
        for (int r = 0; r < grid.rows(); r++) {
            sheet.getRow(TABLE_TOP + r).setHeightInPoints(height(grid, r, widths));
        }

        List<String> notices = Notices.of(tables);
        int next = TABLE_TOP + grid.rows() + 1;
        for (String notice : notices) {
            banner(sheet, next++, lastColumn, notice, styles.notice, LINE_POINTS + 4);
        }
        for (String line : Notices.status(tables)) {
            banner(sheet, next++, lastColumn, line, styles.status, LINE_POINTS + 4);
        }

        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 1);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.5);
        sheet.setMargin(Sheet.RightMargin, 0.5);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.setRepeatingRows(new CellRangeAddress(TABLE_TOP, TABLE_TOP + grid.headerRows() - 1, -1, -1));
    }

    private static void banner(Sheet sheet, int row, int lastColumn, String text, CellStyle style, float height) {
        Row line = sheet.createRow(row);
        line.setHeightInPoints(height);
        line.createCell(0).setCellValue(text);
        line.getCell(0).setCellStyle(style);
        if (lastColumn > 0) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, 0, lastColumn));
        }
    }

    /** Enough lines for the longest text of the cells that lie in this row alone, phrase by phrase. */
    private static float height(Grid grid, int row, int[] widths) {
        int lines = 1;
        for (Cell cell : grid.startingIn(row)) {
            if (cell.rowSpan() > 1 || cell.kind() == Kind.NUMBER) {
                continue;
            }
            int width = width(cell, widths);
            int cellLines = 0;
            for (String phrase : phrased(cell, widths).split("\n")) {
                cellLines += Math.max(1, (displayWidth(phrase) + width - 1) / Math.max(width, 1));
            }
            lines = Math.max(lines, cellLines);
        }
        return lines * LINE_POINTS + 5;
    }

    /**
     * A label too wide for its cell breaks after its 、, between the two phrases ("1.申请人无正当理由逾期不补正、" /
     * "行政机关不再处理其政府信息公开申请"), not wherever the width runs out.
     */
    static String phrased(Cell cell, int[] widths) {
        String text = cell.text();
        int at = text.indexOf('、');
        if (cell.kind() != Kind.LABEL || displayWidth(text) <= width(cell, widths) || at < 2
                || at == text.length() - 1) {
            return text;
        }
        return text.substring(0, at + 1) + "\n" + text.substring(at + 1);
    }

    /** The width of a cell in characters, less one for the padding. */
    private static int width(Cell cell, int[] widths) {
        int width = -1;
        for (int c = cell.column(); c <= cell.lastColumn(); c++) {
            width += widths[c];
        }
        return width;
    }

    private static int displayWidth(String text) {
        return text.codePoints().map(cp -> cp < 0x1100 ? 1 : 2).sum();
    }

    /** The few styles the tables use, made once per workbook. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle heading;
        final CellStyle notice;
        final CellStyle status;
        final CellStyle header;
        final CellStyle centredLabel;
        final CellStyle label;
        final CellStyle number;

        Styles(XSSFWorkbook workbook) {
            // the workbook's default font is what column widths are measured in, and what every cell without a
            // font of its own shows: it must be 宋体 itself, not the theme's minor font under another name
            Font body = song(workbook.getFontAt(0));
            body.setFontHeight(BODY_TWIPS);

            Font bold = song(workbook.createFont());
            bold.setFontHeight(BODY_TWIPS);
            bold.setBold(true);
            Font large = song(workbook.createFont());
            large.setFontHeightInPoints((short) 16);
            large.setBold(true);
            Font red = song(workbook.createFont());
            red.setFontHeight(BODY_TWIPS);
            red.setColor(IndexedColors.DARK_RED.getIndex());
            Font small = song(workbook.createFont());
            small.setFontHeight((short) 180);

            title = plain(workbook, large, HorizontalAlignment.CENTER);
            heading = plain(workbook, bold, HorizontalAlignment.LEFT);
            notice = plain(workbook, red, HorizontalAlignment.LEFT);
            status = plain(workbook, small, HorizontalAlignment.LEFT);
            header = bordered(workbook, body, HorizontalAlignment.CENTER);
            centredLabel = bordered(workbook, body, HorizontalAlignment.CENTER);
            label = bordered(workbook, body, HorizontalAlignment.LEFT);
            label.setIndention((short) 1);
            number = bordered(workbook, body, HorizontalAlignment.CENTER);
            number.setDataFormat(workbook.createDataFormat().getFormat("0"));
        }

        /**
         * 宋体 as a font of its own: no theme scheme (with {@code scheme=minor} Excel and LibreOffice show the
         * theme's font, a sans, whatever the name says), GB2312 charset, the family of 宋体.
         */
        private static Font song(Font font) {
            font.setFontName(FONT);
            if (font instanceof org.apache.poi.xssf.usermodel.XSSFFont xssf) {
                xssf.setScheme(org.apache.poi.ss.usermodel.FontScheme.NONE);
                xssf.setFamily(org.apache.poi.ss.usermodel.FontFamily.MODERN);
                xssf.setCharSet(org.apache.poi.common.usermodel.fonts.FontCharset.GB2312.getNativeId());
            }
            return font;
        }

        CellStyle of(Cell cell) {
            return switch (cell.kind()) {
                case NOTE, HEADER -> header;
                case LABEL -> cell.rowSpan() > 1 ? centredLabel : label;
                case NUMBER -> number;
            };
        }

        private static CellStyle plain(XSSFWorkbook workbook, Font font, HorizontalAlignment alignment) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setAlignment(alignment);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setWrapText(true);
            return style;
        }

        private static CellStyle bordered(XSSFWorkbook workbook, Font font, HorizontalAlignment alignment) {
            CellStyle style = plain(workbook, font, alignment);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
