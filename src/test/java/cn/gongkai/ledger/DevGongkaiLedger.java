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
 * an in-JVM Kafka broker on {@code localhost:9092} (system property {@code gongkai.dev.kafka-port})
 * whose log stays in {@code ./data/kafka}. The service connects as the role {@code gongkai_service},
 * created on first start; Flyway as the superuser {@code postgres}, who owns the tables.
 */
public final class DevGongkaiLedger {

    private DevGongkaiLedger() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path data = Path.of("data", "postgres").toAbsolutePath();
        Files.createDirectories(data);
        EmbeddedPostgres postgres = TestDatabase.start(data);
        int kafkaPort = Integer.getInteger("gongkai.dev.kafka-port", 9092);
        TestKafka kafka = TestKafka.start(Path.of("data", "kafka").toAbsolutePath(), kafkaPort, 3);
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
