package cn.gongkai.ledger.documents;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * The DOCX details that Word and WPS need to show Chinese text as an office expects. A run's font is four fonts
 * ({@code w:rFonts ascii/hAnsi/eastAsia/cs}); POI's {@code setFontFamily} sets only the Latin ones, and Word then
 * shows the Chinese characters in its own default East-Asian face. These helpers always set {@code eastAsia}.
 */
public final class Docx {

    /** 宋体: tables and the title. */
    public static final String SONG = "宋体";
    /** 仿宋 (the 仿宋_GB2312 style of GB/T 9704 bodies, under the name every Windows has): body text. */
    public static final String FANG_SONG = "仿宋";
    /** 黑体: first-level headings (一、二、…). */
    public static final String HEI = "黑体";
    /** 楷体: second-level headings ((一)(二)…). */
    public static final String KAI = "楷体";
    /** The Latin face next to them. */
    public static final String LATIN = "Times New Roman";

    /** Twips per millimetre (1 inch = 1440 twips = 25.4 mm). */
    private static final double TWIPS_PER_MM = 1440 / 25.4;

    private Docx() {
    }

    /** A run with its text, East-Asian and Latin font, size in points, bold or not. */
    public static XWPFRun run(XWPFParagraph paragraph, String text, String eastAsiaFont, double points, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        fonts(run, eastAsiaFont, LATIN);
        run.setFontSize(points);
        run.setBold(bold);
        return run;
    }

    /** Sets a run's East-Asian font (the one Chinese characters use) and its Latin font. */
    public static void fonts(XWPFRun run, String eastAsiaFont, String latinFont) {
        CTRPr rPr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = rPr.sizeOfRFontsArray() > 0 ? rPr.getRFontsArray(0) : rPr.addNewRFonts();
        set(fonts, eastAsiaFont, latinFont);
    }

    /**
     * The document's defaults ({@code w:docDefaults}): East-Asian and Latin font, size, and the language zh-CN, so
     * that text without its own run properties (and Word's empty paragraphs) is Chinese in that face too.
     */
    public static void defaults(XWPFDocument document, String eastAsiaFont, double points) {
        var styles = document.getStyles() != null ? document.getStyles() : document.createStyles();
        var docDefaults = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults.Factory.newInstance();
        CTRPr rPr = docDefaults.addNewRPrDefault().addNewRPr();
        set(rPr.addNewRFonts(), eastAsiaFont, LATIN);
        rPr.addNewSz().setVal(BigInteger.valueOf(Math.round(points * 2)));
        rPr.addNewSzCs().setVal(BigInteger.valueOf(Math.round(points * 2)));
        var lang = rPr.addNewLang();
        lang.setVal("en-US");
        lang.setEastAsia("zh-CN");
        var ctStyles = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles.Factory.newInstance();
        ctStyles.setDocDefaults(docDefaults);
        styles.setStyles(ctStyles);
    }

    /** A4 portrait with the margins of GB/T 9704 (top 37, bottom 35, left 28, right 26 mm) or others. */
    public static void a4(XWPFDocument document, double topMm, double bottomMm, double leftMm, double rightMm) {
        CTSectPr sectPr = document.getDocument().getBody().isSetSectPr()
                ? document.getDocument().getBody().getSectPr()
                : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = sectPr.isSetPgSz() ? sectPr.getPgSz() : sectPr.addNewPgSz();
        size.setW(BigInteger.valueOf(twips(210)));
        size.setH(BigInteger.valueOf(twips(297)));
        CTPageMar margins = sectPr.isSetPgMar() ? sectPr.getPgMar() : sectPr.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(topMm)));
        margins.setBottom(BigInteger.valueOf(twips(bottomMm)));
        margins.setLeft(BigInteger.valueOf(twips(leftMm)));
        margins.setRight(BigInteger.valueOf(twips(rightMm)));
        margins.setHeader(BigInteger.valueOf(twips(15)));
        margins.setFooter(BigInteger.valueOf(twips(15)));
    }

    /** Millimetres in twips (the unit of page sizes, margins and widths). */
    public static long twips(double millimetres) {
        return Math.round(millimetres * TWIPS_PER_MM);
    }

    /** Sets a cell's width in twips (Word lays out fixed tables by the widths of the first row's cells). */
    public static void width(XWPFTableCell cell, long twips) {
        CTTcPr tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        var width = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(twips));
    }

    /**
     * Merges the cells {@code fromColumn..toColumn} of a row into one ({@code w:gridSpan}); the merged cells are
     * removed, so later column indexes of this row shift left by {@code toColumn - fromColumn}.
     */
    public static void mergeAcross(XWPFTableRow row, int fromColumn, int toColumn) {
        if (toColumn <= fromColumn) {
            return;
        }
        XWPFTableCell first = row.getCell(fromColumn);
        CTTcPr tcPr = first.getCTTc().isSetTcPr() ? first.getCTTc().getTcPr() : first.getCTTc().addNewTcPr();
        var span = tcPr.isSetGridSpan() ? tcPr.getGridSpan() : tcPr.addNewGridSpan();
        span.setVal(BigInteger.valueOf(toColumn - fromColumn + 1));
        for (int column = toColumn; column > fromColumn; column--) {
            row.removeCell(column);
        }
    }

    /**
     * Merges the cells of one column over rows {@code fromRow..toRow} ({@code w:vMerge}); the cells stay, empty,
     * and the first one shows the content. Use column indexes after any {@link #mergeAcross} of those rows.
     */
    public static void mergeDown(XWPFTable table, int column, int fromRow, int toRow) {
        for (int row = fromRow; row <= toRow; row++) {
            XWPFTableCell cell = table.getRow(row).getCell(column);
            CTTcPr tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            var merge = tcPr.isSetVMerge() ? tcPr.getVMerge() : tcPr.addNewVMerge();
            merge.setVal(row == fromRow ? STMerge.RESTART : STMerge.CONTINUE);
        }
    }

    private static void set(CTFonts fonts, String eastAsiaFont, String latinFont) {
        fonts.setAscii(latinFont);
        fonts.setHAnsi(latinFont);
        fonts.setCs(latinFont);
        fonts.setEastAsia(eastAsiaFont);
        fonts.setHint(STHint.EAST_ASIA);
    }
}
