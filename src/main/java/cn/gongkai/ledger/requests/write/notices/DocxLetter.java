package cn.gongkai.ledger.requests.write.notices;

import cn.gongkai.ledger.documents.Docx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * A letter as a Word document (Apache POI and the documents kit), laid out like {@link XhtmlLetter}: 公文
 * fonts set as East-Asian fonts on every run (Word and LibreOffice fall back to an installed CJK font where
 * one is missing), A4 with the margins of GB/T 9704-2012. The faces
 * are 宋体 (bold) for titles and 仿宋 三号 for the body, the names every Chinese Word installation has.
 */
final class DocxLetter {

    static final String TITLE_FONT = Docx.SONG;
    static final String BODY_FONT = Docx.FANG_SONG;

    private DocxLetter() {
    }

    static byte[] render(Letter letter) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Docx.defaults(document, BODY_FONT, 16);
            Docx.a4(document, 37, 35, 28, 26);
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
        Docx.run(paragraph, text == null ? "" : text, eastAsianFont, points, bold);
        return paragraph;
    }
}
