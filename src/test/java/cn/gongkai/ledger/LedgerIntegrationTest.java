package cn.gongkai.ledger;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a real (embedded) PostgreSQL and a real in-JVM Kafka broker, on a random
 * port, with the demo users.
 * Test classes with the same configuration share one context and one database; they run side by
 * side, one context after the other ({@link ContextGroupOrder}). {@link LedgerIntegrationExtension}
 * gives the tests an {@link Api} on the service, its business date ({@link Today}) and
 * {@link LedgerUnderTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TestDatabaseInitializer.class, TestKafkaInitializer.class})
@ActiveProfiles("test")
@ExtendWith(LedgerIntegrationExtension.class)
public @interface LedgerIntegrationTest {
}
