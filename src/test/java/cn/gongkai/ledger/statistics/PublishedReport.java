package cn.gongkai.ledger.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Part 三 of a published annual report, read from its flattened text: the 25 numbered rows in the
 * official order, each with its seven numbers (six applicant columns and the total).
 */
public final class PublishedReport {

    private PublishedReport() {
    }

    public static Part3Table part3(String resource, String agencyId, int year) {
        String text;
        try (InputStream in = PublishedReport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String section = text.substring(text.indexOf("三、收到和处理政府信息公开申请情况"),
                text.indexOf("四、政府信息公开行政复议、行政诉讼情况"));
        List<long[]> numbered = new ArrayList<>();
        for (String line : section.split("\n")) {
            String[] fields = line.strip().split("\t");
            if (fields.length >= 8 && fields[fields.length - 1].matches("\\d+")) {
                long[] numbers = new long[7];
                for (int i = 0; i < 7; i++) {
                    numbers[i] = Long.parseLong(fields[fields.length - 7 + i].strip());
                }
                numbered.add(numbers);
            }
        }
        TableRow[] rows = TableRow.values();
        if (numbered.size() != rows.length) {
            throw new IllegalStateException("expected " + rows.length + " numbered rows, found " + numbered.size());
        }
        Part3Table.Builder table = Part3Table.builder(agencyId, year, true);
        for (int r = 0; r < rows.length; r++) {
            TableColumn[] columns = TableColumn.values();
            for (int c = 0; c < columns.length; c++) {
                table.set(rows[r], columns[c], numbered.get(r)[c]);
            }
        }
        return table.build();
    }
}
