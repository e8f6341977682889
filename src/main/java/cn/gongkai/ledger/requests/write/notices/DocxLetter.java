package cn.gongkai.ledger.requests.write.notices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A letter as a Word document (Apache POI), laid out like {@link XhtmlLetter}: 公文 fonts named for
 * East Asian text (方正小标宋简体 for the title, 仿宋_GB2312 三号 for the body; Word and LibreOffice fall
 * back to an installed CJK font where these are missing), A4 with the margins of GB/T 9704-2012.
 */
final class DocxLetter {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    private static final String LATIN_FONT = "Times New Roman";
    /** Twips per millimetre. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;

    private DocxLetter() {
    }

    static byte[] render(Letter letter) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(document);
            document.getProperties().getCoreProperties().setTitle(letter.title());
            document.getProperties().getCoreProperties().setCreator(letter.agencyName());
            paragraph(document, letter.agencyName(), ParagraphAlignment.CENTER, TITLE_FONT, 22, true, false, 0);
            paragraph(document, letter.title(), ParagraphAlignment.CENTER, TITLE_FONT, 22, true, false, 280);
            paragraph(document, letter.documentNumber(), ParagraphAlignment.RIGHT, BODY_FONT, 16, false, false, 280);
            paragraph(document, letter.addressee() + "：", ParagraphAlignment.LEFT, BODY_FONT, 16, false, false, 0);
            for (String text : letter.paragraphs()) {
                paragraph(document, text, ParagraphAlignment.BOTH, BODY_FONT, 16, false, true, 0);
            }
            XWPFParagraph seal = paragraph(document, letter.sealText() + "（印章）", ParagraphAlignment.RIGHT, BODY_FONT,
                    16, false, false, 0);
            seal.setSpacingBefore(840);
            seal.setIndentationRight(640);
            paragraph(document, letter.dateText(), ParagraphAlignment.RIGHT, BODY_FONT, 16, false, false, 0)
                    .setIndentationRight(640);
            if (letter.address() != null && !letter.address().isBlank()) {
                paragraph(document, "送达地址：" + letter.address(), ParagraphAlignment.LEFT, BODY_FONT, 12, false,
                        false, 0).setSpacingBefore(560);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument document, String text, ParagraphAlignment alignment,
                                           String eastAsianFont, int points, boolean bold, boolean indent,
                                           int spacingAfter) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingAfter(spacingAfter);
        // fixed 28-point lines, as 公文 print 22 lines a page
        paragraph.setSpacingBetween(28, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
        if (indent) {
            paragraph.setIndentationFirstLine(points * 20 * 2);
        }
        XWPFRun run = paragraph.createRun();
        run.setText(text == null ? "" : text);
        run.setFontSize(points);
        run.setBold(bold);
        run.setFontFamily(LATIN_FONT, FontCharRange.ascii);
        run.setFontFamily(LATIN_FONT, FontCharRange.hAnsi);
        run.setFontFamily(eastAsianFont, FontCharRange.eastAsia);
        run.setLang("zh-CN");
        return paragraph;
    }

    private static void page(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(Math.round(210 * TWIPS_PER_MM)));
        size.setH(BigInteger.valueOf(Math.round(297 * TWIPS_PER_MM)));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(Math.round(37 * TWIPS_PER_MM)));
        margins.setBottom(BigInteger.valueOf(Math.round(35 * TWIPS_PER_MM)));
        margins.setLeft(BigInteger.valueOf(Math.round(28 * TWIPS_PER_MM)));
        margins.setRight(BigInteger.valueOf(Math.round(26 * TWIPS_PER_MM)));
    }
}
