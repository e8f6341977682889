package cn.gongkai.ledger.statistics.export;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports an agency's annual tables (parts 三 and 四) in the national layout of
 * 国办公开办函〔2021〕30号: JSON with the codes for programs; CSV, XLSX and an HTML fragment with the
 * official labels, character for character, for people. Every format shows the same figures in the
 * same order; the human formats also state, outside the tables, when the year is still open or the
 * tables do not reconcile.
 *
 * <p>Stateless and thread-safe.
 */
@Component
public class AnnualTablesExporter {

    /**
     * The export's own mapper, not the web layer's: the document's shape is a published contract and
     * must not follow changes to the application's JSON settings.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** The tables as an {@link AnnualTablesDocument}, pretty-printed. */
    public String toJson(ExportedTables tables) {
        return JSON.writeValueAsString(AnnualTablesDocument.of(tables));
    }

    /** Reads a document written by {@link #toJson(ExportedTables)}. */
    public AnnualTablesDocument readJson(String json) {
        return JSON.readValue(json, AnnualTablesDocument.class);
    }

    /** The official layout flattened to CSV: UTF-8 with a byte order mark, RFC 4180 quoting, CRLF. */
    public byte[] toCsv(ExportedTables tables) {
        return CsvExport.render(tables);
    }

    /** A workbook with one sheet per part, merged and bordered like the official tables. */
    public byte[] toXlsx(ExportedTables tables) {
        return XlsxExport.render(tables);
    }

    /** A self-contained HTML fragment (a {@code <div>} with the title and both tables) to paste into a web page. */
    public String toHtml(ExportedTables tables) {
        return HtmlExport.render(tables);
    }

    /** Part 三 in the official layout for a page, each count naming its cell. */
    public OfficialTable part3Table(cn.gongkai.ledger.statistics.Part3Table part3) {
        return OfficialLayout.part3Table(part3);
    }

    /** Part 四 in the official layout for a page. */
    public OfficialTable part4Table(cn.gongkai.ledger.statistics.Part4Table part4) {
        return OfficialLayout.part4Table(part4);
    }

    public ExportedFile export(ExportedTables tables, ExportFormat format) {
        byte[] content = switch (format) {
            case JSON -> toJson(tables).getBytes(StandardCharsets.UTF_8);
            case CSV -> toCsv(tables);
            case XLSX -> toXlsx(tables);
            // a saved fragment has no <meta charset> and no Content-Type: the byte order mark says UTF-8
            case HTML -> withByteOrderMark(toHtml(tables).getBytes(StandardCharsets.UTF_8));
        };
        return new ExportedFile(fileName(tables, format), format.mediaType(), content);
    }

    private static byte[] withByteOrderMark(byte[] utf8) {
        byte[] marked = new byte[utf8.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, marked, 3, utf8.length);
        return marked;
    }

    private static String fileName(ExportedTables tables, ExportFormat format) {
        String agency = tables.agencyId().replaceAll("[^A-Za-z0-9._-]", "_");
        return agency + "-" + tables.year() + "-annual-tables." + format.extension();
    }
}
