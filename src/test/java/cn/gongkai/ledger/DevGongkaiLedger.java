package cn.gongkai.ledger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;

/**
 * The embedded default, started by {@code ./mvnw spring-boot:test-run}: the service on an embedded
 * PostgreSQL whose data stays in {@code ./data/postgres} across restarts, with the demo users.
 */
public final class DevGongkaiLedger {

    private DevGongkaiLedger() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path data = Path.of("data", "postgres").toAbsolutePath();
        Files.createDirectories(data);
        EmbeddedPostgres postgres = TestDatabase.start(data);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (java.io.IOException e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }));
        SpringApplication.from(GongkaiLedgerApplication::main)
                .withAdditionalProfiles("dev")
                .run(withDatabase(args, postgres.getJdbcUrl("postgres", "postgres")));
    }

    private static String[] withDatabase(String[] args, String jdbcUrl) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 3);
        all[args.length] = "--spring.datasource.url=" + jdbcUrl;
        all[args.length + 1] = "--spring.datasource.username=postgres";
        all[args.length + 2] = "--spring.datasource.password=";
        return all;
    }
}
