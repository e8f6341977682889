package cn.gongkai.ledger;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole service started by a test itself, outside Spring's test-context cache: on a fresh
 * database of the embedded server (as the service role), a broker of the test's choosing, a random port, and any further
 * {@code --property=value} arguments. For tests that stop brokers or services under it.
 */
public final class TestService {

    private TestService() {
    }

    public static ConfigurableApplicationContext start(String bootstrapServers, String... properties) {
        List<String> args = new ArrayList<>(TestDatabase.connectionArguments(TestDatabase.newDatabaseUrl()));
        args.add("--server.port=0");
        args.add("--gongkai.kafka.bootstrap-servers=" + bootstrapServers);
        args.addAll(List.of(properties));
        return new SpringApplicationBuilder(GongkaiLedgerApplication.class)
                .profiles("test")
                .run(args.toArray(String[]::new));
    }
}
