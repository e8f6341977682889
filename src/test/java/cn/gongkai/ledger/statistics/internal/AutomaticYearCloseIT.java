package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.processing.ParkedLetters;
import org.springframework.beans.factory.ObjectProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.access.AgencyDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** After 31 December the service closes the past year by itself for every agency, when configured to. */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=automatic-year-close")
class AutomaticYearCloseIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    ObjectProvider<ParkedLetters> parkedLetters;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theNightlyJobClosesLastYearEverywhereOnlyWhenSwitchedOn() {
        // given the first night of 2026 and of 2025, Beijing time
        Clock newYear2026 = Clock.fixed(OffsetDateTime.parse("2026-01-01T00:30:00+08:00").toInstant(), java.time.ZoneOffset.UTC);
        Clock newYear2025 = Clock.fixed(OffsetDateTime.parse("2025-01-01T00:30:00+08:00").toInstant(), java.time.ZoneOffset.UTC);

        // when the job runs switched off for 2024, and switched on for 2025
        new YearClose(commands, agencies, newYear2025, false, parkedLetters).closeLastYearEverywhere();
        new YearClose(commands, agencies, newYear2026, true, parkedLetters).closeLastYearEverywhere();

        // then 2025 is closed for every agency, and 2024 for none
        await().atMost(Duration.ofSeconds(30)).until(() -> closed(2025).containsAll(List.of("kaifaqu", "yicheng")));
        assertThat(closed(2024)).isEmpty();
    }

    private List<String> closed(int year) {
        return jdbc.sql("select agency_id from statistics_closed_year where year = :year order by agency_id")
                .param("year", year).query(String.class).list();
    }
}
