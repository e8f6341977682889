package cn.gongkai.ledger.statistics.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnnualTablesJsonTest {

    private final AnnualTablesExporter exporter = new AnnualTablesExporter();
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void theSeedReportRoundTripsToTheSameTables() {
        ExportedTables seed = SeedReport.tables();

        AnnualTablesDocument read = exporter.readJson(exporter.toJson(seed));

        assertThat(read).isEqualTo(AnnualTablesDocument.of(seed));
        assertThat(read.part3Table()).isEqualTo(seed.part3());
        assertThat(read.part4Table()).isEqualTo(seed.part4());
    }

    @Test
    void everyCellRoundTripsToItsOwnPlace() {
        ExportedTables tables = SeedReport.distinctNumbers(false, List.of());

        AnnualTablesDocument read = exporter.readJson(exporter.toJson(tables));

        assertThat(read.part3Table()).isEqualTo(tables.part3());
        assertThat(read.part4Table()).isEqualTo(tables.part4());
        assertThat(read.closed()).isFalse();
    }

    @Test
    void part3ListsTheRowsInOfficialOrderWithTheirCodesAndOfficialLabels() {
        JsonNode json = mapper.readTree(exporter.toJson(SeedReport.tables()));

        JsonNode rows = json.get("part3").get("rows");
        List<String> codes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        rows.forEach(row -> {
            codes.add(row.get("row").asString());
            labels.add(row.get("label").asString());
        });
        assertThat(codes).hasSize(25).containsExactly(
                java.util.Arrays.stream(TableRow.values()).map(Enum::name).toArray(String[]::new));
        assertThat(labels).isEqualTo(SeedReport.OFFICIAL_ROW_LABELS);
    }

    @Test
    void rowsCarryTheirHeadingGroupAndSevenCellsKeyedByColumnCode() {
        JsonNode rows = mapper.readTree(exporter.toJson(SeedReport.tables())).get("part3").get("rows");

        JsonNode received = rows.get(0);
        assertThat(received.get("heading").isNull()).isTrue();
        assertThat(received.get("group").isNull()).isTrue();
        List<String> columns = new ArrayList<>();
        received.get("cells").propertyNames().forEach(columns::add);
        assertThat(columns).containsExactly(
                java.util.Arrays.stream(TableColumn.values()).map(Enum::name).toArray(String[]::new));
        assertThat(received.get("cells").get("NATURAL_PERSON").asLong()).isEqualTo(6);
        assertThat(received.get("cells").get("COMMERCIAL_ENTERPRISE").asLong()).isZero();
        assertThat(received.get("cells").get("TOTAL").asLong()).isEqualTo(6);

        JsonNode stateSecret = rows.get(TableRow.WITHHELD_STATE_SECRET.ordinal());
        assertThat(stateSecret.get("row").asString()).isEqualTo("WITHHELD_STATE_SECRET");
        assertThat(stateSecret.get("heading").asString()).isEqualTo("三、本年度办理结果");
        assertThat(stateSecret.get("group").asString()).isEqualTo("(三) 不予公开");

        JsonNode partly = rows.get(TableRow.PARTIALLY_DISCLOSED.ordinal());
        assertThat(partly.get("cells").get("NATURAL_PERSON").asLong()).isEqualTo(4);
        assertThat(rows.get(TableRow.RESOLVED_TOTAL.ordinal()).get("cells").get("TOTAL").asLong()).isEqualTo(5);
        assertThat(rows.get(TableRow.CARRIED_FORWARD.ordinal()).get("cells").get("TOTAL").asLong()).isEqualTo(1);
    }

    @Test
    void theDocumentNamesTheAgencyYearColumnsDisputesAndReconciliation() {
        JsonNode json = mapper.readTree(exporter.toJson(SeedReport.tables()));

        assertThat(json.get("document").asString()).isEqualTo("gongkai-ledger/annual-tables/v1");
        assertThat(json.get("format").asString()).isEqualTo("国办公开办函〔2021〕30号");
        assertThat(json.get("formatVersion").asString()).isEqualTo("2021");
        assertThat(json.get("agencyId").asString()).isEqualTo("zmd-edz");
        assertThat(json.get("agencyName").asString()).isEqualTo("驻马店经济开发区管委会");
        assertThat(json.get("year").asInt()).isEqualTo(2021);
        assertThat(json.get("closed").asBoolean()).isTrue();
        assertThat(json.get("title").asString()).isEqualTo("驻马店经济开发区管委会2021年政府信息公开工作年度报告");
        assertThat(json.get("part3").get("note").asString()).isEqualTo(SeedReport.NOTE);
        assertThat(json.get("part3").get("columns").get(1).get("label").asString()).isEqualTo("商业企业");
        assertThat(json.get("part3").get("columns").get(1).get("group").asString()).isEqualTo("法人或其他组织");

        JsonNode groups = json.get("part4").get("groups");
        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).get("group").asString()).isEqualTo("RECONSIDERATION");
        assertThat(groups.get(0).get("label").asString()).isEqualTo("行政复议");
        assertThat(groups.get(1).get("label").asString()).isEqualTo("未经复议直接起诉");
        assertThat(groups.get(1).get("heading").asString()).isEqualTo("行政诉讼");
        assertThat(groups.get(2).get("cells").get("PENDING").asLong()).isZero();
        assertThat(json.get("part4").get("columns").get(3).get("label").asString()).isEqualTo("尚未审结");

        assertThat(json.get("reconciliation").get("reconciled").asBoolean()).isTrue();
        assertThat(json.get("reconciliation").get("failures")).isEmpty();
    }

    @Test
    void failedChecksAreReportedAsUnreconciled() {
        ExportedTables tables = SeedReport.distinctNumbers(true, List.of("自然人列：第一项加第二项之和不等于第三项加第四项之和"));

        JsonNode reconciliation = mapper.readTree(exporter.toJson(tables)).get("reconciliation");

        assertThat(reconciliation.get("reconciled").asBoolean()).isFalse();
        assertThat(reconciliation.get("failures").get(0).asString())
                .isEqualTo("自然人列：第一项加第二项之和不等于第三项加第四项之和");
    }
}
