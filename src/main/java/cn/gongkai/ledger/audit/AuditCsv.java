package cn.gongkai.ledger.audit;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The audit views as CSV for Excel: UTF-8 with a byte order mark (without it Excel guesses the
 * local code page and garbles the Chinese), Chinese column headers, RFC 4180 quoting and CRLF.
 * A cell that would start with {@code = + - @}, a tab or a carriage return gets a leading
 * apostrophe, so that a reason typed as a formula is shown as text and never evaluated.
 */
final class AuditCsv {

    private static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AuditCsv() {
    }

    /** A column: its Chinese header and how a row fills it. */
    record Column<T>(String header, Function<T, Object> value) {
    }

    static final List<Column<AuditStep>> STEP_COLUMNS = List.of(
            new Column<>("序号", AuditStep::position),
            new Column<>("登记号", AuditStep::registrationNumber),
            new Column<>("步骤", AuditStep::label),
            new Column<>("业务日期", AuditStep::businessDate),
            new Column<>("记录时间（北京时间）", step -> RECORDED.format(step.recordedAt())),
            new Column<>("操作人", AuditStep::actor),
            new Column<>("角色", AuditStep::rolesLabel),
            new Column<>("理由", AuditStep::reason),
            new Column<>("客户端地址", AuditStep::clientAddress),
            new Column<>("关联编号", AuditStep::correlationId),
            new Column<>("起因编号", AuditStep::causationId),
            new Column<>("事件编号", AuditStep::eventId),
            new Column<>("事件类型", AuditStep::eventType));

    static final List<Column<AuditChange>> CHANGE_COLUMNS = List.of(
            new Column<>("变更类型", AuditChange::kindLabel),
            new Column<>("登记号", change -> change.step().registrationNumber()),
            new Column<>("步骤", change -> change.step().label()),
            new Column<>("业务日期", change -> change.step().businessDate()),
            new Column<>("记录时间（北京时间）", change -> RECORDED.format(change.step().recordedAt())),
            new Column<>("操作人", change -> change.step().actor()),
            new Column<>("角色", change -> change.step().rolesLabel()),
            new Column<>("理由", change -> change.step().reason()),
            new Column<>("关联编号", change -> change.step().correlationId()),
            new Column<>("事件编号", change -> change.step().eventId()));

    static <T> byte[] render(List<Column<T>> columns, List<T> rows) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, columns.stream().map(Column::header).toList());
        for (T row : rows) {
            line(csv, columns.stream().map(column -> Objects.toString(column.value().apply(row), "")).toList());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(cells.get(i)));
        }
        csv.append(CRLF);
    }

    private static String field(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
