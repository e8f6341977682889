package cn.gongkai.ledger.statistics.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.statistics.Part4Table;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnualTablesExporterTest {

    private final AnnualTablesExporter exporter = new AnnualTablesExporter();

    @Test
    void exportsEachFormatAsAFileWithItsMediaTypeAndAnAsciiName() {
        ExportedTables seed = SeedReport.tables();

        ExportedFile xlsx = exporter.export(seed, ExportFormat.XLSX);
        ExportedFile csv = exporter.export(seed, ExportFormat.CSV);
        ExportedFile html = exporter.export(seed, ExportFormat.HTML);
        ExportedFile json = exporter.export(seed, ExportFormat.JSON);

        assertThat(xlsx.fileName()).isEqualTo("zmd-edz-2021-annual-tables.xlsx");
        assertThat(xlsx.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.content()).startsWith((byte) 'P', (byte) 'K');
        assertThat(csv.fileName()).isEqualTo("zmd-edz-2021-annual-tables.csv");
        assertThat(csv.content()).isEqualTo(exporter.toCsv(seed));
        assertThat(html.mediaType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(html.content()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(html.content(), 3, html.content().length - 3, StandardCharsets.UTF_8))
                .isEqualTo(exporter.toHtml(seed));
        assertThat(new String(json.content(), StandardCharsets.UTF_8)).isEqualTo(exporter.toJson(seed));
    }

    @Test
    void anAgencyCodeIsMadeSafeForAFileName() {
        ExportedTables tables = new ExportedTables("区/办 1", "某区办公室", 2022,
                cn.gongkai.ledger.statistics.Part3Table.builder("区/办 1", 2022, true).build(),
                Part4Table.empty("区/办 1", 2022), List.of());

        assertThat(exporter.export(tables, ExportFormat.JSON).fileName()).isEqualTo("____1-2022-annual-tables.json");
    }

    @Test
    void tablesOfAnotherYearOrAgencyAreRefused() {
        assertThatThrownBy(() -> new ExportedTables(SeedReport.AGENCY, SeedReport.NAME, 2022, SeedReport.part3(),
                Part4Table.empty(SeedReport.AGENCY, 2022), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("part 三");
        assertThatThrownBy(() -> new ExportedTables(SeedReport.AGENCY, SeedReport.NAME, 2021, SeedReport.part3(),
                Part4Table.empty("other", 2021), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("part 四");
    }
}
