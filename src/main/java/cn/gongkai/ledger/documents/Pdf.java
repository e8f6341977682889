package cn.gongkai.ledger.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * XHTML to PDF, with the CJK font embedded as a subset of the glyphs used: Noto Serif SC (a 宋体-style serif,
 * SIL OFL 1.1, TrueType outlines, which PDFBox can subset and embed) in Regular and Bold, put into the classes by
 * the build (docs/adr/0018-pdf-with-embedded-cjk-font.md). The reader's machine needs no Chinese font.
 *
 * <p>The XHTML must be well-formed XML. Any of the family names in {@link #FONT_FAMILIES} selects the embedded
 * font, so a page written for the browser (font-family: "宋体", serif) prints the same; weights from 600 up are
 * Bold. Page size and margins come from the XHTML's {@code @page} rule.
 */
public final class Pdf {

    /** The embedded font's own family name. */
    public static final String FONT_FAMILY = "Noto Serif SC";

    /** Family names that all select the embedded font (the official faces are not free to embed). */
    public static final List<String> FONT_FAMILIES = List.of(FONT_FAMILY, "宋体", "SimSun", "仿宋", "仿宋_GB2312",
            "FangSong", "黑体", "SimHei", "楷体", "KaiTi", "serif", "sans-serif");

    private static final String REGULAR = "/fonts/NotoSerifSC-Regular.ttf";
    private static final String BOLD = "/fonts/NotoSerifSC-Bold.ttf";

    /**
     * The two faces, parsed once: parsing 15 MB of TrueType takes seconds, subsetting what a report uses takes
     * milliseconds. FontBox reads glyphs from a parsed font without synchronisation, so renderings take turns.
     */
    private static final Object FONTS = new Object();
    private static TrueTypeFont regular;
    private static TrueTypeFont bold;

    private Pdf() {
    }

    /** Renders a well-formed XHTML document to PDF bytes. */
    public static byte[] fromXhtml(String xhtml) {
        var out = new ByteArrayOutputStream();
        synchronized (FONTS) {
            try (var document = new PDDocument()) {
                var regularFont = new PDFontSupplier(PDType0Font.load(document, regular(), true));
                var boldFont = new PDFontSupplier(PDType0Font.load(document, bold(), true));
                var builder = new PdfRendererBuilder();
                builder.useFastMode();
                builder.usePDDocument(document);
                for (String family : FONT_FAMILIES) {
                    builder.useFont(regularFont, family, 400, FontStyle.NORMAL, true);
                    builder.useFont(boldFont, family, 700, FontStyle.NORMAL, true);
                }
                builder.withHtmlContent(xhtml, null);
                builder.toStream(out);
                builder.run();
            } catch (IOException e) {
                throw new UncheckedIOException("rendering the PDF failed", e);
            }
        }
        return out.toByteArray();
    }

    private static TrueTypeFont regular() throws IOException {
        if (regular == null) {
            regular = load(REGULAR);
        }
        return regular;
    }

    private static TrueTypeFont bold() throws IOException {
        if (bold == null) {
            bold = load(BOLD);
        }
        return bold;
    }

    private static TrueTypeFont load(String resource) throws IOException {
        try (InputStream in = Pdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the CJK font " + resource + " is not on the classpath: the build "
                        + "puts it there (src/build/cjk-font.sh, docs/adr/0018-pdf-with-embedded-cjk-font.md)");
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
    }
}
