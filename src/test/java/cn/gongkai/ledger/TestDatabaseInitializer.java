package cn.gongkai.ledger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at a database of its own on the embedded server, as the service role. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(TestDatabase.connectionProperties(TestDatabase.newDatabaseUrl()))
                .applyTo(context.getEnvironment());
    }
}
