package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.TestDatabase;
import cn.gongkai.ledger.requests.ApplicationSteps;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The event table is append-only for the role the service runs as, by grants and by a trigger
 * (migration V10, docs/adr/0007-append-only-event-table.md). Every tampering attempt runs in a
 * transaction that is rolled back, so a failure of the protection could not damage the shared
 * database either; each test also checks that the events are unchanged.
 */
@LedgerIntegrationTest
class AppendOnlyIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final AtomicInteger ROLES = new AtomicInteger();
    private static final List<String> TAMPERING = List.of(
            "update domain_event_entry set payload_type = 'forged' where aggregate_identifier = '%s'",
            "delete from domain_event_entry where aggregate_identifier = '%s'",
            "truncate domain_event_entry");

    /** The service, signed in per call (LedgerIntegrationExtension). */
    Api api;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    String url;
    String id;

    @BeforeEach
    void anApplicationWithEvents() {
        url = environment.getRequiredProperty("spring.datasource.url");
        LocalDate today = BusinessClock.today(clock);
        id = ApplicationSteps.register(api, today);
    }

    @Test
    void theServiceConnectsAsTheServiceRoleAndAppendsEventsThroughCommands() {
        // given the service's own DataSource
        // when it asks who it is
        String user = jdbc.sql("select current_user").query(String.class).single();

        // then it is the service role, not the owner, and the registration of the application was appended
        assertThat(user).isEqualTo(TestDatabase.SERVICE_ROLE);
        assertThat(eventsOf(id)).isEqualTo(1);
        assertThat(jdbc.sql("select pg_get_userbyid(relowner) from pg_class where oid = 'domain_event_entry'::regclass")
                .query(String.class).single()).isEqualTo(TestDatabase.OWNER);
    }

    @Test
    void theServiceRoleCannotUpdateDeleteOrTruncateEvents() throws SQLException {
        // given the service's own connection pool and the events as they are
        String before = fingerprint();

        for (String tampering : TAMPERING) {
            // when the service role tries to change or remove events
            // then PostgreSQL refuses for want of the privilege
            assertThatThrownBy(() -> attempt(dataSource, tampering.formatted(id)))
                    .as(tampering)
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                        assertThat(e.getMessage()).contains("permission denied for table domain_event_entry");
                    });
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aRoleGrantedUpdateDeleteAndTruncateByMistakeIsStillRejectedByTheTrigger() throws SQLException {
        // given a role that was granted every privilege on the event table by mistake
        String role = "mistaken_grant_" + ROLES.incrementAndGet();
        JdbcClient owner = TestDatabase.superuser(url);
        owner.sql("create role " + role + " login").update();
        owner.sql("grant select, insert, update, delete, truncate on domain_event_entry to " + role).update();
        String before = fingerprint();
        try {
            DataSource mistaken = new SimpleDriverDataSource(new org.postgresql.Driver(), url, role, "");
            for (String tampering : TAMPERING) {
                // when it tries to change or remove events
                // then the trigger refuses, in the domain's words
                assertThatThrownBy(() -> attempt(mistaken, tampering.formatted(id)))
                        .as(tampering)
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                            assertThat(e.getMessage())
                                    .contains("domain_event_entry 只能追加")
                                    .contains("append-only: role " + role + " may not");
                        });
            }
            assertThat(fingerprint()).isEqualTo(before);
        } finally {
            owner.sql("revoke all on domain_event_entry from " + role).update();
            owner.sql("drop role " + role).update();
        }
    }

    @Test
    void theOwnerCanStillMigrateAndChangeEventsAndLaterTablesAreGrantedToTheServiceUnasked() {
        // given a fresh database, migrated by the owner as the service's Flyway does
        String fresh = TestDatabase.newDatabaseUrl();
        TestDatabase.migrate(fresh);
        JdbcClient owner = TestDatabase.superuser(fresh);
        JdbcClient service = JdbcClient.create(TestDatabase.asService(fresh));

        // when the owner, as a later migration might, corrects and then removes an event
        owner.sql("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload)
                values ('e-1', 'a-1', 0, 'InformationRequest', '2026-01-05T01:00:00Z', 'x', '\\x00')""").update();
        int corrected = owner.sql("update domain_event_entry set payload_type = 'y' where event_identifier = 'e-1'").update();
        int removed = owner.sql("delete from domain_event_entry where event_identifier = 'e-1'").update();

        // then the trigger lets the owner through
        assertThat(corrected).isEqualTo(1);
        assertThat(removed).isEqualTo(1);

        // and a table the owner creates later, as a later migration would, is the service's to use
        owner.sql("create table later_migration (id bigserial primary key, note text)").update();
        service.sql("insert into later_migration (note) values ('written by the service')").update();
        assertThat(service.sql("update later_migration set note = 'changed'").update()).isEqualTo(1);
        service.sql("truncate later_migration").update();
        assertThat(service.sql("select count(*) from later_migration").query(Long.class).single()).isZero();
        // while Flyway's history stays the owner's
        assertThatThrownBy(() -> service.sql("select count(*) from flyway_schema_history").query(Long.class).single())
                .rootCause().hasMessageContaining("permission denied for table flyway_schema_history");
    }

    @Test
    void theMigrationRefusesAServiceRoleThatDoesNotExistOrIsTheOwnerAndSaysWhatToDo() {
        // given fresh databases
        // when Flyway migrates them for a service role that does not exist, and for the owner itself
        // then V10 fails, says why and how to fix it, and is not recorded as applied
        String missing = TestDatabase.newDatabaseUrl();
        assertThatThrownBy(() -> TestDatabase.migrate(missing, "no_such_role"))
                .hasMessageContaining("V10")
                .hasMessageContaining("the service role no_such_role does not exist")
                .hasMessageContaining("CREATE ROLE no_such_role LOGIN PASSWORD");
        String ownerAsService = TestDatabase.newDatabaseUrl();
        assertThatThrownBy(() -> TestDatabase.migrate(ownerAsService, TestDatabase.OWNER))
                .hasMessageContaining("must not be, or be a member of, postgres")
                .hasMessageContaining("GONGKAI_DB_OWNER");
        assertThat(TestDatabase.superuser(missing).sql("select count(*) from flyway_schema_history where version = '10'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theServiceRefusesToStartAsTheOwnerOrASuperuser() {
        // given the check the service runs at start, on a connection as the owner (a superuser here)
        AppendOnlyEventTable check = new AppendOnlyEventTable(TestDatabase.superuser(url));

        // when it runs
        // then it refuses, naming the role and what to do
        assertThatThrownBy(check::afterPropertiesSet)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + TestDatabase.OWNER + "'")
                .hasMessageContaining("GONGKAI_DB_OWNER");
        // and on the service's own connection it passes
        new AppendOnlyEventTable(jdbc).afterPropertiesSet();
    }

    @Test
    void theServiceRoleCannotRewriteOrRemoveLinksOfTheHashChainEither() {
        // given the registration's event chained by the integrity-chain processor
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select count(*) from integrity_chain c join domain_event_entry e on e.global_index = c.global_index
                        where e.aggregate_identifier = :id""").param("id", id).query(Long.class).single() == 1);
        long links = jdbc.sql("select count(*) from integrity_chain").query(Long.class).single();
        String before = chainUpTo(links);

        for (String tampering : List.of("update integrity_chain set hash = previous_hash",
                "delete from integrity_chain", "truncate integrity_chain")) {
            // when the service role tries to rewrite or remove links
            // then PostgreSQL refuses for want of the privilege (migration V14)
            assertThatThrownBy(() -> attempt(dataSource, tampering))
                    .as(tampering)
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                        assertThat(e.getMessage()).contains("permission denied for table integrity_chain");
                    });
        }
        assertThat(chainUpTo(links)).isEqualTo(before);
    }

    /** The first {@code links} links of the chain, as one digest. */
    private String chainUpTo(long links) {
        return jdbc.sql("""
                        select count(*) || ':' || md5(string_agg(position || encode(hash, 'hex'), ',' order by position))
                        from integrity_chain where position <= :links""")
                .param("links", links).query(String.class).single();
    }

    private static void attempt(DataSource as, String sql) throws SQLException {
        try (Connection connection = as.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } finally {
                connection.rollback();
            }
        }
    }

    private long eventsOf(String aggregate) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", aggregate).query(Long.class).single();
    }

    /**
     * Every event's identity and content, up to the application registered for this test: equal
     * before and after means nothing was changed or removed (events appended meanwhile by other
     * processors do not count).
     */
    private String fingerprint() {
        return jdbc.sql("""
                        select count(*) || ':' || coalesce(md5(string_agg(global_index || event_identifier || payload_type
                               || encode(payload, 'hex'), ',' order by global_index)), '')
                        from domain_event_entry
                        where global_index <= (select max(global_index) from domain_event_entry where aggregate_identifier = :id)""")
                .param("id", id)
                .query(String.class).single();
    }
}
