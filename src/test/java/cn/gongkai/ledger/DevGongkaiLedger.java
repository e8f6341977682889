package cn.gongkai.ledger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;

/**
 * The embedded default, started by {@code ./mvnw spring-boot:test-run}: the service on an embedded
 * PostgreSQL whose data stays in {@code ./data/postgres} across restarts, with the demo users, and
 * an in-JVM Kafka broker on {@code localhost:9092} whose log stays in {@code ./data/kafka}. The
 * service connects as the role {@code gongkai_service}, created on first start; Flyway as the
 * superuser {@code postgres}, who owns the tables.
 *
 * <p>The PostgreSQL is crash-safe ({@code fsync} and {@code synchronous_commit} on), and one that a
 * killed run left running on the data directory is stopped before the new one starts
 * ({@link TestDatabase#start}).
 *
 * <p>System properties: {@value #DATA_DIRECTORY} (default {@code data}: {@code postgres} and
 * {@code kafka} below it), {@value #KAFKA_PORT} (default 9092). The HTTP port is Spring Boot's
 * {@code server.port} (argument {@code --server.port=}, or {@code PORT}; default 8080). So a test
 * can run it in a child process on a temporary directory and free ports
 * ({@code EmbeddedDefaultKillIT}).
 */
public final class DevGongkaiLedger {

    /** The system property naming the directory that holds {@code postgres} and {@code kafka}. */
    public static final String DATA_DIRECTORY = "gongkai.dev.data-dir";
    /** The system property naming the Kafka broker's port. */
    public static final String KAFKA_PORT = "gongkai.dev.kafka-port";

    private DevGongkaiLedger() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path home = Path.of(System.getProperty(DATA_DIRECTORY, "data")).toAbsolutePath();
        Path data = home.resolve("postgres");
        Files.createDirectories(data);
        EmbeddedPostgres postgres = TestDatabase.start(data);
        int kafkaPort = Integer.getInteger(KAFKA_PORT, 9092);
        TestKafka kafka = TestKafka.start(home.resolve("kafka"), kafkaPort, 3);
        // run after Spring has closed the service, in this order: the publisher and the processors
        // must not find their broker or database gone while they stop
        SpringApplication.getShutdownHandlers().add(kafka::stop);
        SpringApplication.getShutdownHandlers().add(() -> {
            try {
                postgres.close();
            } catch (java.io.IOException e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        });
        SpringApplication.from(GongkaiLedgerApplication::main)
                .withAdditionalProfiles("dev")
                .run(withInfrastructure(args, TestDatabase.jdbcUrl(postgres, "postgres"), kafka.bootstrapServers()));
    }

    /** {@code args}, then the service role for the application and postgres (the owner) for Flyway, as in the tests. */
    private static String[] withInfrastructure(String[] args, String jdbcUrl, String kafkaBootstrapServers) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(TestDatabase.connectionArguments(jdbcUrl));
        all.add("--gongkai.kafka.bootstrap-servers=" + kafkaBootstrapServers);
        return all.toArray(String[]::new);
    }
}
