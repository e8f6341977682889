package cn.gongkai.ledger.requests.imports;

import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A register file read into rows of text by column: an XLSX workbook (its first sheet, read row by row:
 * {@link XlsxSheet}) or a UTF-8 CSV file, told apart by the ZIP signature. The first row is the header; columns are found by their Chinese
 * headers, in any order; columns the template does not know are ignored. A file that cannot be read, or
 * lacks a required header, is refused as a whole (400, naming the header).
 */
record RegisterFile(List<Line> lines) {

    /** Row {@code number} as the user sees it in a spreadsheet (the header is row 1). */
    record Line(int number, Map<RegisterColumn, String> values) {

        String get(RegisterColumn column) {
            return values.getOrDefault(column, "");
        }
    }

    static final int MAX_ROWS = 200_000;
    private static final int MAX_CELL = 20_000;

    static RegisterFile read(byte[] content) {
        if (content == null || content.length == 0) {
            throw refused("file", "文件为空", "the file is empty");
        }
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        return zip ? readXlsx(content) : readCsv(content);
    }

    private static RegisterFile readCsv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw refused("file", "文件应为 UTF-8 编码的 CSV 或 XLSX 工作簿", "the file must be a UTF-8 CSV file or an XLSX workbook");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (Reader reader = new java.io.StringReader(text);
             CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(reader)) {
            Map<Integer, RegisterColumn> columns = null;
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (columns == null) {
                    columns = header(cells);
                    continue;
                }
                add(lines, (int) record.getRecordNumber(), columns, cells);
            }
            if (columns == null) {
                throw refused("file", "文件没有表头行", "the file has no header row");
            }
            return new RegisterFile(lines);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw refused("file", "CSV 文件无法读取（引号不配对或格式错误）", "the CSV file cannot be read (unbalanced quotes or malformed)");
        }
    }

    private static RegisterFile readXlsx(byte[] content) {
        List<Line> lines = new ArrayList<>();
        Header header = new Header();
        try {
            XlsxSheet.read(content, (number, cells) -> {
                if (header.columns == null) {
                    if (!cells.stream().allMatch(String::isBlank)) {
                        header.columns = header(cells);
                    }
                    return;
                }
                add(lines, number, header.columns, cells);
            });
        } catch (InputRejected e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refused("file", "XLSX 工作簿无法读取", "the XLSX workbook cannot be read");
        }
        if (header.columns == null) {
            throw refused("file", "工作表没有表头行", "the sheet has no header row");
        }
        return new RegisterFile(lines);
    }

    /** The columns the header row names, once it has been read. */
    private static final class Header {
        Map<Integer, RegisterColumn> columns;
    }

    private static Map<Integer, RegisterColumn> header(List<String> cells) {
        Map<Integer, RegisterColumn> columns = new java.util.HashMap<>();
        Map<RegisterColumn, Integer> seen = new EnumMap<>(RegisterColumn.class);
        for (int i = 0; i < cells.size(); i++) {
            String name = normalise(cells.get(i));
            for (RegisterColumn column : RegisterColumn.values()) {
                if (column.header().equals(name) || column.field().equals(name)) {
                    if (seen.containsKey(column)) {
                        throw refused(column.header(), "表头重复：" + column.header(), "header appears twice: " + column.field());
                    }
                    seen.put(column, i);
                    columns.put(i, column);
                }
            }
        }
        List<FieldProblem> missing = new ArrayList<>();
        for (RegisterColumn column : RegisterColumn.values()) {
            if (column.required() && !seen.containsKey(column)) {
                missing.add(new FieldProblem(column.field(), column.header(), "缺少必需的列：" + column.header(),
                        "required column missing: " + column.field()));
            }
        }
        if (!missing.isEmpty()) {
            throw new InputRejected(missing);
        }
        return columns;
    }

    private static void add(List<Line> lines, int number, Map<Integer, RegisterColumn> columns, List<String> cells) {
        if (cells.stream().allMatch(String::isBlank)) {
            return;
        }
        if (lines.size() >= MAX_ROWS) {
            throw refused("file", "文件超过 " + MAX_ROWS + " 行", "the file has more than " + MAX_ROWS + " rows");
        }
        Map<RegisterColumn, String> values = new EnumMap<>(RegisterColumn.class);
        for (Map.Entry<Integer, RegisterColumn> column : columns.entrySet()) {
            if (column.getKey() < cells.size()) {
                String value = cells.get(column.getKey());
                if (value.length() > MAX_CELL) {
                    throw refused(column.getValue().header(), "第 " + number + " 行单元格超过 " + MAX_CELL + " 个字符",
                            "row " + number + ": a cell is longer than " + MAX_CELL + " characters");
                }
                values.put(column.getValue(), normalise(value));
            }
        }
        lines.add(new Line(number, values));
    }

    private static String normalise(String value) {
        return value == null ? "" : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    private static InputRejected refused(String field, String zh, String en) {
        return new InputRejected(FieldProblem.of(field, zh, en));
    }
}
