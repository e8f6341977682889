package cn.gongkai.ledger.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Orders Axon's JDBC and transaction auto-configuration after Boot 4's DataSource.
 *
 * <p>Axon 4.13 orders those classes against Boot 3 class names; on Boot 4 they would run before
 * the DataSource exists and Axon would silently fall back to an in-memory setup with a no-op
 * transaction manager. {@code AxonWiringTest} fails if that ever happens again.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"})
public class AxonOnBoot4AutoConfiguration {
}
