package cn.gongkai.ledger.integrity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The chain's settings, and scheduling for the periodic checkpoint (not left to another module turning it on). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrityProperties.class)
@EnableScheduling
class IntegrityConfiguration {
}
