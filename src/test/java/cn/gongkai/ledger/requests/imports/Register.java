package cn.gongkai.ledger.requests.imports;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A register file built row by row, written as CSV with the template's headers; and the calls that import it. */
public final class Register {

    private final List<Map<RegisterColumn, String>> rows = new ArrayList<>();

    public Register row(String number, LocalDate receivedOn, String category, String outcome, LocalDate concludedOn) {
        Map<RegisterColumn, String> row = new LinkedHashMap<>();
        row.put(RegisterColumn.REGISTRATION_NUMBER, number);
        row.put(RegisterColumn.RECEIVED_ON, receivedOn.toString());
        row.put(RegisterColumn.CHANNEL, rows.size() % 3 == 0 ? "互联网渠道" : rows.size() % 3 == 1 ? "当面提交" : "邮寄");
        row.put(RegisterColumn.APPLICANT_CATEGORY, category);
        row.put(RegisterColumn.APPLICANT_NAME, "申请人" + number);
        row.put(RegisterColumn.ID_NUMBER, "4101021990" + String.format("%08d", rows.size()));
        row.put(RegisterColumn.PHONE, "138" + String.format("%08d", rows.size()));
        row.put(RegisterColumn.ADDRESS, "驻马店市开发区" + rows.size() + "号");
        row.put(RegisterColumn.INFORMATION_REQUESTED, "导入测试：第 " + (rows.size() + 1) + " 件申请的内容");
        row.put(RegisterColumn.OUTCOME, outcome == null ? "" : outcome);
        row.put(RegisterColumn.CONCLUDED_ON, concludedOn == null ? "" : concludedOn.toString());
        rows.add(row);
        return this;
    }

    /** Sets a column of the last row added. */
    public Register with(RegisterColumn column, String value) {
        rows.getLast().put(column, value);
        return this;
    }

    public int size() {
        return rows.size();
    }

    public byte[] csv() {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", Arrays.stream(RegisterColumn.values()).map(RegisterColumn::header).toList())).append("\r\n");
        for (Map<RegisterColumn, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (RegisterColumn column : RegisterColumn.values()) {
                String value = row.getOrDefault(column, "");
                cells.add(value.contains(",") || value.contains("\"") || value.contains("\n")
                        ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Response dryRun(Api api, int port, String user, byte[] file) {
        return upload(api, port, user, "/api/imports/dry-run", file);
    }

    public static Response confirm(Api api, int port, String user, byte[] file, String sha256) {
        return upload(api, port, user, "/api/imports?sha256=" + sha256, file);
    }

    static Response upload(Api api, int port, String user, String path, byte[] file) {
        return api.send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
    }
}
