package cn.gongkai.ledger;

import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.platform.BusinessClock;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service a {@link LedgerIntegrationTest} class runs against, as its tests use it: its port, an
 * {@link Api} on it, its business date, and the wait for its streaming processors. Given to test
 * and lifecycle methods by {@link LedgerIntegrationExtension}.
 */
public final class LedgerUnderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApplicationContext context;

    LedgerUnderTest(ApplicationContext context) {
        this.context = context;
    }

    public ApplicationContext context() {
        return context;
    }

    /** The random port the service listens on. */
    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** A new HTTP client on the service, as the demo users. */
    public Api api() {
        return new Api(port());
    }

    /** The business date of the service's clock (Asia/Shanghai). */
    public LocalDate today() {
        return BusinessClock.today(context.getBean(Clock.class));
    }

    /** Every segment of every streaming processor has passed the last stored event (within {@code atMost}). */
    public void awaitProcessorsAtHead(Duration atMost) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            long head = jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry")
                    .query(Long.class).single();
            List<String> tokens = jdbc.sql("select convert_from(token, 'UTF8') from token_entry where token is not null")
                    .query(String.class).list();
            for (String token : tokens) {
                JsonNode node = JSON.readTree(token);
                if (node.has("tokenAtReset")) {
                    node = node.get("currentToken");
                }
                if (node == null || !node.has("index") || node.get("index").asLong() < head) {
                    return false;
                }
            }
            return !tokens.isEmpty();
        });
    }
}
