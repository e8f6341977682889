package cn.gongkai.ledger.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.imports.Register;
import cn.gongkai.ledger.statistics.export.AnnualTablesDocument;
import cn.gongkai.ledger.statistics.export.AnnualTablesExporter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A register generated from part 三 of a real published report is imported through the API; the year is
 * closed and the resulting table is compared with the published one cell by cell. Two reports: 驻马店经济开发区
 * 管委会 2021 (the seed report the project already replays: 6 applications, one carried forward) and 上海市
 * 人民政府办公厅 2019 (859 received, 18 carried over from 2018, 72 carried forward to 2020, four applicant
 * columns in use), each in an agency of its own. The generation is generic in the table: each column's
 * carried-over applications are received in the previous year and concluded first, the carried-forward
 * ones stay open, so a table with carry-over both ways generates a register with both.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=imported-register")
class ImportedRegisterIT {

    @LocalServerPort
    int port;

    @Autowired
    AnnualTablesExporter exporter;

    @Test
    void theImportedRegistersTableEqualsThePublishedOneCellByCell() {
        importAndCompare("kaifaqu", "/seed/zhumadian-edz-2021-annual-report.txt", 2021);
    }

    @Test
    void aRegisterOfSeveralHundredApplicationsWithCarryOverBothWaysReproducesItsPublishedTable() {
        Part3Table published = importAndCompare("yicheng", "/seed/shanghai-bgt-2019-part3.txt", 2019);
        assertThat(published.cell(TableRow.RECEIVED, TableColumn.TOTAL)).isEqualTo(859);
        assertThat(published.cell(TableRow.CARRIED_OVER, TableColumn.TOTAL)).isEqualTo(18);
        assertThat(published.cell(TableRow.CARRIED_FORWARD, TableColumn.TOTAL)).isEqualTo(72);
    }

    private Part3Table importAndCompare(String agency, String publishedReport, int year) {
        String head = "head-" + agency;
        Part3Table published = PublishedReport.part3(publishedReport, agency, year);
        Register register = registerFrom(published, year);
        Api api = new Api(port);
        Response baseline = api.put(head, "/api/imports/opening-balance/" + (year - 1), baselineJson(published));
        assertThat(baseline.status()).as(baseline.toString()).isEqualTo(200);

        Response dryRun = Register.dryRun(api, port, head, register.csv());
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        JsonNode report = dryRun.json();
        assertThat(report.get("refused")).as(report.toString()).isEmpty();
        assertThat(report.get("openingBalance")).as("the baseline's 结转下年度 matches the import's open applications").isEmpty();
        assertThat(report.get("rowsToImport").asInt()).isEqualTo(register.size());
        JsonNode predicted = report.get("tables").get(Integer.toString(year));
        for (TableRow row : List.of(TableRow.RECEIVED, TableRow.CARRIED_OVER, TableRow.RESOLVED_TOTAL, TableRow.CARRIED_FORWARD)) {
            long predictedTotal = predicted.has(row.name()) ? predicted.get(row.name()).get("TOTAL").asLong() : 0;
            assertThat(predictedTotal).as("dry run " + row).isEqualTo(published.cell(row, TableColumn.TOTAL));
        }

        Response started = Register.confirm(api, port, head, register.csv(), report.get("fileSha256").asText());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(api.get(head, started.location()).json().get("status").asText()));
        assertThat(api.get(head, started.location()).json().get("status").asText()).isEqualTo("DONE");

        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(head, "/api/statistics/" + year).json().get("part3")
                .get("cells").get("RECEIVED").get("TOTAL").asLong() == published.cell(TableRow.RECEIVED, TableColumn.TOTAL));
        Response close = api.post(head, "/api/statistics/" + year + "/close", "");
        assertThat(close.status()).as(close.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(head, "/api/statistics/" + year + "/close").json()
                .get("complete").asBoolean());

        Response export = api.get(head, "/api/statistics/" + year + "/export?format=JSON");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        AnnualTablesDocument document = exporter.readJson(export.body());
        List<String> differences = new ArrayList<>();
        for (TableRow row : TableRow.values()) {
            for (TableColumn column : TableColumn.values()) {
                long ours = document.part3Table().cell(row, column);
                if (ours != published.cell(row, column)) {
                    differences.add(row + "/" + column + ": ours " + ours + ", published " + published.cell(row, column));
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(document.reconciliation().reconciled()).isTrue();
        return published;
    }

    /** One row per application the table implies; dates spread over the year, numbers in the service's form. */
    static Register registerFrom(Part3Table table, int year) {
        Register register = new Register();
        int[] number = new int[2];
        for (TableColumn column : TableColumn.values()) {
            if (column == TableColumn.TOTAL) {
                continue;
            }
            ApplicantCategory category = column.category();
            List<Outcome> fates = new ArrayList<>();
            for (TableRow row : TableRow.values()) {
                if (row.outcome() != null) {
                    for (long i = 0; i < table.cell(row, column); i++) {
                        fates.add(row.outcome());
                    }
                }
            }
            long carriedForward = table.cell(TableRow.CARRIED_FORWARD, column);
            for (long i = 0; i < carriedForward; i++) {
                fates.add(null);
            }
            long carriedOver = table.cell(TableRow.CARRIED_OVER, column);
            for (int i = 0; i < fates.size(); i++) {
                Outcome outcome = fates.get(i);
                boolean fromLastYear = i < carriedOver;
                int day = i % 300;
                LocalDate receivedOn = fromLastYear ? LocalDate.of(year - 1, 12, 1).plusDays(i % 28)
                        : outcome == null ? LocalDate.of(year, 12, 1).plusDays(i % 28) : LocalDate.of(year, 1, 4).plusDays(day);
                LocalDate concludedOn = outcome == null ? null
                        : fromLastYear ? LocalDate.of(year, 1, 4).plusDays(i % 20) : receivedOn.plusDays(15);
                int receiptYear = receivedOn.getYear();
                String registrationNumber = "%d-%04d".formatted(receiptYear, ++number[receiptYear - year + 1]);
                register.row(registrationNumber, receivedOn, category.label(),
                        outcome == null ? null : outcome == Outcome.OTHER_OTHER && i % 2 == 0 ? "申请人撤回" : label(outcome),
                        concludedOn);
                if (i % 5 == 0 && outcome != null) {
                    register.with(cn.gongkai.ledger.requests.imports.RegisterColumn.EXTENDED, "是");
                }
            }
        }
        return register;
    }

    private static String label(Outcome outcome) {
        return outcome.group() == null ? outcome.label() : outcome.group() + " " + outcome.label();
    }

    private static String baselineJson(Part3Table table) {
        List<String> cells = new ArrayList<>();
        for (TableColumn column : TableColumn.values()) {
            if (column != TableColumn.TOTAL) {
                cells.add("\"" + column.category().name() + "\":" + table.cell(TableRow.CARRIED_OVER, column));
            }
        }
        return "{\"carriedForward\":{" + String.join(",", cells) + "}}";
    }
}
