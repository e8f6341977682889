package cn.gongkai.ledger.platform;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that fails on an event stops and retries that event; it never skips it. Axon's
 * default logs the failure and moves the token past the event, which would leave counters wrong
 * until the next rebuild, silently. With propagation the processor releases the segment and
 * claims it again after a back-off, so a passing fault (a lost connection) heals by itself and a
 * lasting one is loud.
 *
 * <p>A group with a dead-letter queue (module {@code processing}) still never skips: an event that
 * fails for a lasting reason is parked with its application instead of stopping the whole group,
 * and handled again when an administrator retries it.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionFailureConfiguration {

    @Bean
    ConfigurerModule neverSkipAFailedEvent() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }
}
