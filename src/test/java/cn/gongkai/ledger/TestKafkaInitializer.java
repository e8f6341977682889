package cn.gongkai.ledger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context's Kafka publisher at the broker the tests share. */
public class TestKafkaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("gongkai.kafka.bootstrap-servers=" + TestKafka.shared().bootstrapServers())
                .applyTo(context.getEnvironment());
    }
}
