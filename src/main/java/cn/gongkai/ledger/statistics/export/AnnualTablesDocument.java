package cn.gongkai.ledger.statistics.export;

import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON export: the codes of the service's vocabulary with the official labels beside them, rows
 * and groups in the official order. Consumers key on the codes; the labels are for display and are
 * the official text character for character. Cells are keyed by column code, in the official
 * column order.
 *
 * @param document       always {@value #DOCUMENT}: what this JSON is and the version of its shape
 * @param format         the national format the tables are laid out in: {@value #FORMAT}
 * @param formatVersion  that format's version as the API and Kafka name it: {@value #FORMAT_VERSION}
 * @param agencyId       the agency's code
 * @param agencyName     the agency's official name
 * @param year           the report year
 * @param closed         whether the year is closed; if not, the figures are "as of now"
 * @param title          the report's title
 * @param part3          part 三
 * @param part4          part 四
 * @param reconciliation the result of the reconciliation checks (勾稽关系)
 */
@JsonPropertyOrder({"document", "format", "formatVersion", "agencyId", "agencyName", "year", "closed", "title", "part3", "part4",
        "reconciliation"})
public record AnnualTablesDocument(
        String document,
        String format,
        String formatVersion,
        String agencyId,
        String agencyName,
        int year,
        boolean closed,
        String title,
        Part3 part3,
        Part4 part4,
        Reconciliation reconciliation) {

    public static final String DOCUMENT = "gongkai-ledger/annual-tables/v1";
    /** 《中华人民共和国政府信息公开工作年度报告格式》 of 2021, the layout of parts 三 and 四 here. */
    public static final String FORMAT = "国办公开办函〔2021〕30号";
    public static final String FORMAT_VERSION = "2021";

    /**
     * @param title   三、收到和处理政府信息公开申请情况
     * @param note    the reconciliation rule printed in the table's corner
     * @param heading 申请人情况, over all columns
     * @param columns the seven columns, in order
     * @param rows    the rows that carry numbers, in order; group rows appear only as
     *                {@link Row#group()}
     */
    @JsonPropertyOrder({"title", "note", "heading", "columns", "rows"})
    public record Part3(String title, String note, String heading, List<Column> columns, List<Row> rows) {
    }

    /** A column of part 三; {@code group} is 法人或其他组织 or null. */
    @JsonPropertyOrder({"column", "label", "group"})
    public record Column(TableColumn column, String label, String group) {
    }

    /**
     * A row of part 三.
     *
     * @param heading 三、本年度办理结果 for the result rows, otherwise null
     * @param group   the group row it sits under ((三) 不予公开 …), or null
     */
    @JsonPropertyOrder({"row", "label", "heading", "group", "cells"})
    public record Row(TableRow row, String label, String heading, String group, Map<TableColumn, Long> cells) {
    }

    /** @param title 四、政府信息公开行政复议、行政诉讼情况 */
    @JsonPropertyOrder({"title", "columns", "groups"})
    public record Part4(String title, List<DisputeColumnLabel> columns, List<Group> groups) {
    }

    @JsonPropertyOrder({"column", "label"})
    public record DisputeColumnLabel(DisputeColumn column, String label) {
    }

    /** A group of part 四; {@code heading} is 行政诉讼 for the two litigation groups, otherwise null. */
    @JsonPropertyOrder({"group", "label", "heading", "cells"})
    public record Group(DisputeGroup group, String label, String heading, Map<DisputeColumn, Long> cells) {
    }

    /** @param failures one sentence per failed check; empty exactly when {@code reconciled} */
    @JsonPropertyOrder({"reconciled", "failures"})
    public record Reconciliation(boolean reconciled, List<String> failures) {
    }

    public static AnnualTablesDocument of(ExportedTables tables) {
        Part3Table part3 = tables.part3();
        List<Row> rows = Arrays.stream(TableRow.values())
                .map(row -> {
                    Map<TableColumn, Long> cells = new LinkedHashMap<>();
                    for (TableColumn column : TableColumn.values()) {
                        cells.put(column, part3.cell(row, column));
                    }
                    return new Row(row, row.label(), row.isResult() ? TableRow.RESULTS_HEADING : null,
                            row.group(), cells);
                })
                .toList();
        List<Column> columns = Arrays.stream(TableColumn.values())
                .map(column -> new Column(column, column.label(), column.group()))
                .toList();

        Part4Table part4 = tables.part4();
        List<Group> groups = Arrays.stream(DisputeGroup.values())
                .map(group -> {
                    Map<DisputeColumn, Long> cells = new LinkedHashMap<>();
                    for (DisputeColumn column : DisputeColumn.values()) {
                        cells.put(column, part4.cell(group, column));
                    }
                    return new Group(group, group.label(), group.heading(), cells);
                })
                .toList();
        List<DisputeColumnLabel> disputeColumns = Arrays.stream(DisputeColumn.values())
                .map(column -> new DisputeColumnLabel(column, column.label()))
                .toList();

        return new AnnualTablesDocument(DOCUMENT, FORMAT, FORMAT_VERSION, tables.agencyId(), tables.agencyName(), tables.year(),
                tables.closed(), tables.title(),
                new Part3(OfficialLayout.PART3_TITLE, OfficialLayout.PART3_NOTE, OfficialLayout.APPLICANTS,
                        columns, rows),
                new Part4(OfficialLayout.PART4_TITLE, disputeColumns, groups),
                new Reconciliation(tables.reconciled(), tables.reconciliationFailures()));
    }

    /** Part 三 as the document states it; a consumer in this codebase can rebuild the table. */
    public Part3Table part3Table() {
        Map<TableRow, Map<TableColumn, Long>> cells = new EnumMap<>(TableRow.class);
        for (Row row : part3.rows()) {
            cells.put(row.row(), row.cells());
        }
        return new Part3Table(agencyId, year, closed, cells);
    }

    /** Part 四 as the document states it. */
    public Part4Table part4Table() {
        Map<DisputeGroup, Map<DisputeColumn, Long>> cells = new EnumMap<>(DisputeGroup.class);
        for (Group group : part4.groups()) {
            cells.put(group.group(), group.cells());
        }
        return new Part4Table(agencyId, year, cells);
    }
}
