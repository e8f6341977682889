package cn.gongkai.ledger.statistics;

import static cn.gongkai.ledger.requests.ApplicationSteps.conclude;
import static cn.gongkai.ledger.requests.ApplicationSteps.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.statistics.export.AnnualTablesDocument;
import cn.gongkai.ledger.statistics.export.AnnualTablesExporter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Reproduces part 三 of a real published report — 驻马店经济开发区管委会, 2021 — from applications
 * driven through the API: six received from natural persons, one disclosed, four partly disclosed,
 * one open at the year's end; the year is closed and the table compared cell by cell. The open one
 * then appears in 2022 as carried over, and is concluded there.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=seed-report")
class SeedReportIT {

    /** The service, signed in per call (LedgerIntegrationExtension). */
    Api api;

    @Autowired
    AnnualTablesExporter exporter;

    @Test
    void the2021TableEqualsThePublishedOneAndTheOpenApplicationMovesTo2022() {
        // given six applications of 2021 from natural persons: 1 disclosed, 4 partly disclosed, 1 still open
        String disclosed = register(api, LocalDate.of(2021, 3, 8));
        conclude(api, disclosed, "DISCLOSED", LocalDate.of(2021, 3, 25));
        for (int i = 0; i < 4; i++) {
            String partly = register(api, LocalDate.of(2021, 5 + i, 10));
            conclude(api, partly, "PARTIALLY_DISCLOSED", LocalDate.of(2021, 5 + i, 28));
        }
        String open = register(api, LocalDate.of(2021, 12, 20));

        // when the office head closes 2021
        Response close = api.post("head-kaifaqu", "/api/statistics/2021/close", "");
        assertThat(close.status()).as(close.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> historyTypes(api, open).contains("RequestCarriedForward")
                && api.get("head-kaifaqu", "/api/statistics/2021").json().get("closed").asBoolean());

        // then the exported 2021 table equals the published one, cell by cell, and reconciles
        Response export = api.get("head-kaifaqu", "/api/statistics/2021/export?format=JSON");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        AnnualTablesDocument document = exporter.readJson(export.body());
        Part3Table exported = document.part3Table();
        Part3Table published = PublishedReport.part3("/seed/zhumadian-edz-2021-annual-report.txt", "kaifaqu", 2021);
        List<String> differences = new ArrayList<>();
        for (TableRow row : TableRow.values()) {
            for (TableColumn column : TableColumn.values()) {
                long ours = exported.cell(row, column);
                if (ours != published.cell(row, column)) {
                    differences.add(row + "/" + column + ": ours " + ours + ", published " + published.cell(row, column));
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(document.reconciliation().reconciled()).isTrue();
        assertThat(document.agencyName()).isEqualTo("驻马店经济开发区管委会");
        Response xlsx = api.get("head-kaifaqu", "/api/statistics/2021/export?format=XLSX");
        assertThat(xlsx.status()).isEqualTo(200);

        // and the open application is 2022's carried-over one, shown in that cell's provenance
        JsonNode table2022 = api.get("head-kaifaqu", "/api/statistics/2022").json().get("part3").get("cells");
        assertThat(table2022.get("CARRIED_OVER").get("NATURAL_PERSON").asLong()).isEqualTo(1);
        assertThat(table2022.get("CARRIED_OVER").get("TOTAL").asLong()).isEqualTo(1);
        JsonNode provenance = api.get("auditor-kaifaqu", "/api/statistics/2022/cells/CARRIED_OVER/NATURAL_PERSON").json();
        assertThat(provenance).hasSize(1);
        assertThat(provenance.get(0).get("requestId").asText()).isEqualTo(open);

        // when it is concluded in 2022
        conclude(api, open, "DISCLOSED", LocalDate.of(2022, 1, 14));

        // then 2022 counts it as resolved and carries nothing forward
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode cells = api.get("head-kaifaqu", "/api/statistics/2022").json().get("part3").get("cells");
            assertThat(cells.get("DISCLOSED").get("NATURAL_PERSON").asLong()).isEqualTo(1);
            assertThat(cells.get("RESOLVED_TOTAL").get("TOTAL").asLong()).isEqualTo(1);
            assertThat(cells.get("CARRIED_FORWARD").get("TOTAL").asLong()).isZero();
        });
        assertThat(api.get("head-kaifaqu", "/api/statistics/2022").json().get("reconciled").asBoolean()).isTrue();
    }

    private static List<String> historyTypes(Api api, String id) {
        List<String> types = new ArrayList<>();
        api.get("handler-kaifaqu", "/api/requests/" + id).json().get("history")
                .forEach(step -> types.add(step.get("type").asText()));
        return types;
    }
}
