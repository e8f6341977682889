package cn.gongkai.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A real PostgreSQL for the tests, started once per JVM from Maven artifacts: the tests need no
 * server on the machine. Each Spring context gets a database of its own, so that contexts cached
 * side by side never see each other's events.
 *
 * <p>As in production, two roles (docs/adr/0007-append-only-event-table.md): the superuser
 * {@code postgres} owns the tables and runs Flyway; the service connects as {@link #SERVICE_ROLE},
 * which may append events but never change one. {@link #connectionProperties} is the one place
 * that says so for every context and service the tests start.
 */
public final class TestDatabase {

    /** The role the service connects as; created once per server. */
    public static final String SERVICE_ROLE = "gongkai_service";
    public static final String SERVICE_PASSWORD = "gongkai-service-test";
    /** The owner of the tables: the embedded server's superuser. */
    public static final String OWNER = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** The databases {@link #newDatabaseUrl} created, which live as long as the JVM: pooled connections to them. */
    private static final Map<String, DataSource> POOLS = new ConcurrentHashMap<>();
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    /** The shared server, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = start(null);
        }
        return server;
    }

    /**
     * Starts a server that keeps its data in {@code dataDirectory} across restarts (null: temporary),
     * with the service role created if it is not there yet.
     *
     * <p>A kept directory is crash-safe: {@code fsync} and {@code synchronous_commit} on (the
     * library's default is {@code synchronous_commit=off}, which acknowledges a commit before its
     * WAL is written, so a crash of the server lost acknowledged commands while Kafka already held
     * their events). A server a killed run left behind on it is stopped first
     * ({@link StaleEmbeddedPostgres}). A temporary one keeps both off, for speed: nothing on it
     * outlives the JVM.
     */
    public static EmbeddedPostgres start(Path dataDirectory) {
        boolean durable = dataDirectory != null;
        EmbeddedPostgres started;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "600")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off");
            if (durable) {
                StaleEmbeddedPostgres.clear(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            started = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        createServiceRole(started.getPostgresDatabase());
        stopAfterSpringAtExit(started);
        return started;
    }

    /**
     * Stops the server when the JVM exits, after Spring Boot's shutdown hook has closed the
     * application contexts: it runs its handlers only then. With the server's own shutdown hook,
     * which runs side by side with Spring's, PostgreSQL went away while Axon's processors were still
     * releasing their tokens, and each context waited out Axon's shutdown timeouts against a dead
     * server until surefire killed the JVM after 30 s.
     */
    private static void stopAfterSpringAtExit(EmbeddedPostgres server) {
        SpringApplication.getShutdownHandlers().add(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
            }
        });
    }

    /** Creates the service role on the server behind {@code admin} (a superuser connection) unless it exists. */
    public static void createServiceRole(DataSource admin) {
        JdbcClient.create(admin).sql("""
                        do $$ begin
                            if not exists (select from pg_roles where rolname = '%s') then
                                create role %s login password '%s';
                            end if;
                        end $$""".formatted(SERVICE_ROLE, SERVICE_ROLE, SERVICE_PASSWORD))
                .update();
    }

    /** Creates a fresh, empty database on the shared server and returns its JDBC URL. */
    public static String newDatabaseUrl() {
        String name = "ledger_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        DataSource admin = server().getPostgresDatabase();
        try (var connection = admin.getConnection(); var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        String url = jdbcUrl(server(), name);
        CREATED.add(url);
        return url;
    }

    /**
     * The URL of {@code database} on {@code server}, naming no user: the embedded server's own
     * {@code getJdbcUrl} puts {@code user=} into the URL, which the driver prefers to the
     * configured username, so the service would connect as the superuser.
     */
    public static String jdbcUrl(EmbeddedPostgres server, String database) {
        return "jdbc:postgresql://localhost:%d/%s".formatted(server.getPort(), database);
    }

    /**
     * The properties that put a service on the database at {@code jdbcUrl}: the service role for
     * the application, the owner for Flyway. As {@code key=value}; see {@link #connectionArguments}.
     */
    public static List<String> connectionProperties(String jdbcUrl) {
        return List.of(
                "spring.datasource.url=" + jdbcUrl,
                "spring.datasource.username=" + SERVICE_ROLE,
                "spring.datasource.password=" + SERVICE_PASSWORD,
                "spring.flyway.user=" + OWNER,
                "spring.flyway.password=");
    }

    /** {@link #connectionProperties} as command-line arguments ({@code --key=value}). */
    public static List<String> connectionArguments(String jdbcUrl) {
        return connectionProperties(jdbcUrl).stream().map(property -> "--" + property).toList();
    }

    /** {@link #connectionArguments} followed by {@code more}: the command line of a service on {@code jdbcUrl}. */
    public static String[] arguments(String jdbcUrl, String... more) {
        List<String> all = new java.util.ArrayList<>(connectionArguments(jdbcUrl));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Migrates the database at {@code jdbcUrl} as the owner, outside Spring, as the service's Flyway would. */
    public static void migrate(String jdbcUrl) {
        migrate(jdbcUrl, SERVICE_ROLE);
    }

    /** Migrates as the owner, granting to {@code serviceRole}. */
    public static void migrate(String jdbcUrl, String serviceRole) {
        Flyway.configure()
                .dataSource(jdbcUrl, OWNER, "")
                .locations("classpath:db/migration")
                .placeholders(java.util.Map.of("service_role", serviceRole))
                .load()
                .migrate();
    }

    /** A connection to {@code jdbcUrl} as the service role, for tests that use the tables without a service. */
    public static DataSource asService(String jdbcUrl) {
        return dataSource(jdbcUrl, SERVICE_ROLE, SERVICE_PASSWORD);
    }

    /**
     * Connections as {@code user}: from a small pool for a database of {@link #newDatabaseUrl} (the
     * shared server outlives every test), a new one per use otherwise. A new connection per
     * statement costs a server process and a password check each: a test of nine short methods
     * that counted on it took 100 s on the loaded CI machine, 9 s with its connection kept.
     */
    private static DataSource dataSource(String jdbcUrl, String user, String password) {
        if (!CREATED.contains(jdbcUrl)) {
            return new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl, user, password);
        }
        return POOLS.computeIfAbsent(user + "@" + jdbcUrl, key -> {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setPoolName("test-" + user + "-" + jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1));
            config.setMaximumPoolSize(8);
            config.setMinimumIdle(0);
            config.setIdleTimeout(10_000);
            return new HikariDataSource(config);
        });
    }

    /**
     * A superuser (owner) client on the database of a test context or a service, for a test that
     * must tamper with or reset what the service role may not touch.
     */
    public static JdbcClient superuser(Environment service) {
        return superuser(service.getRequiredProperty("spring.datasource.url"));
    }

    /** A superuser (owner) client on the database at {@code jdbcUrl}. */
    public static JdbcClient superuser(String jdbcUrl) {
        return JdbcClient.create(dataSource(jdbcUrl, OWNER, ""));
    }
}
