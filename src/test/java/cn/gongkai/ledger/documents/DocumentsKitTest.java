package cn.gongkai.ledger.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

class DocumentsKitTest {

    private static final String XHTML = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8"/><title>测试</title>
            <style>@page { size: A4; margin: 20mm } body { font-family: "宋体", serif; font-size: 12pt }
            h1 { font-weight: bold }</style></head>
            <body><h1>驻马店经济开发区2021年政府信息公开工作年度报告</h1>
            <p>本年度未收取信息处理费。行政事业性收费 1165.5066 万元。</p></body></html>
            """;

    @Test
    void aPdfFromXhtmlCarriesTheChineseTextInAnEmbeddedSubsetOfTheCjkFont() throws Exception {
        Pdf.fromXhtml("<html><body><p>先用一次：字体只解析一次</p></body></html>");
        byte[] pdf = Pdf.fromXhtml(XHTML);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s*\\R", "");
            assertThat(text).contains("驻马店经济开发区2021年政府信息公开工作年度报告")
                    .contains("本年度未收取信息处理费").contains("1165.5066");
            List<PDFont> fonts = fonts(document);
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                PDType0Font type0 = (PDType0Font) font;
                assertThat(type0.isEmbedded()).isTrue();
                assertThat(type0.getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
                assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSerifSC-.*");
            });
            assertThat(fonts).extracting(PDFont::getName).anyMatch(name -> name.endsWith("-Bold"))
                    .anyMatch(name -> name.endsWith("-Regular"));
        }
        assertThat(pdf.length).as("subset, not the 15 MB font").isLessThan(200_000);
    }

    @Test
    void docxRunsCarryTheirEastAsianFontAndMergedCellsTheirSpans() throws Exception {
        byte[] bytes;
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            Docx.defaults(document, Docx.FANG_SONG, 16);
            Docx.a4(document, 37, 35, 28, 26);
            Docx.run(document.createParagraph(), "二、主动公开政府信息情况", Docx.HEI, 16, false);
            var table = document.createTable(3, 4);
            Docx.mergeAcross(table.getRow(0), 1, 3);
            Docx.mergeDown(table, 0, 0, 1);
            Docx.width(table.getRow(2).getCell(0), Docx.twips(40));
            document.write(out);
            bytes = out.toByteArray();
        }

        try (var document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            var run = document.getParagraphs().get(0).getRuns().get(0);
            var fonts = run.getCTR().getRPr().getRFontsArray(0);
            assertThat(run.text()).isEqualTo("二、主动公开政府信息情况");
            assertThat(fonts.getEastAsia()).isEqualTo("黑体");
            assertThat(fonts.getAscii()).isEqualTo("Times New Roman");
            var defaults = document.getStyle().getDocDefaults().getRPrDefault().getRPr();
            assertThat(defaults.getRFontsArray(0).getEastAsia()).isEqualTo("仿宋");
            assertThat(defaults.getLangArray(0).getEastAsia()).isEqualTo("zh-CN");
            var table = document.getTables().get(0);
            assertThat(table.getRow(0).getTableCells()).hasSize(2);
            assertThat(table.getRow(0).getCell(1).getCTTc().getTcPr().getGridSpan().getVal().intValue()).isEqualTo(3);
            assertThat(table.getRow(0).getCell(0).getCTTc().getTcPr().getVMerge().getVal()).isEqualTo(STMerge.RESTART);
            assertThat(table.getRow(1).getCell(0).getCTTc().getTcPr().getVMerge().getVal()).isEqualTo(STMerge.CONTINUE);
            assertThat(table.getRow(2).getCell(0).getCTTc().getTcPr().getTcW().getW()).isEqualTo(
                    java.math.BigInteger.valueOf(2268));
            assertThat(document.getDocument().getBody().getSectPr().getPgSz().getW()).isEqualTo(
                    java.math.BigInteger.valueOf(11906));
        }
    }

    private static List<PDFont> fonts(PDDocument document) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (var page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }
}
