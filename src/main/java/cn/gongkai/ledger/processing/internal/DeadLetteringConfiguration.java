package cn.gongkai.ledger.processing.internal;

import cn.gongkai.ledger.processing.ParkedLetters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Gives every processing group with a dead-letter queue ({@code dlq.enabled} in
 * {@code application.yaml}) the {@link ParkingPolicy}, and every event handler the
 * {@link PoisonedEventGate}. A group that registers a policy of its own keeps it: this module runs
 * first ({@link #ORDER}), so a later registration for the same group wins (the
 * {@code kafka-publisher}'s, which parks only messages Kafka will never take).
 *
 * <p>Metrics: the counter {@value #PARKED_METRIC} (events parked, tag {@code group}) and the gauge
 * {@value #QUEUED_METRIC} (letters in the queue, held-back ones included, tag {@code group}).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetteringConfiguration {

    static final String PARKED_METRIC = "gongkai.dead_letters.parked";
    static final String QUEUED_METRIC = "gongkai.dead_letters.queued";
    static final int ORDER = -100;

    private final PoisonedEvents poisoned = new PoisonedEvents();

    @Bean
    HandlerEnhancerDefinition poisonedEventGate() {
        return new PoisonedEventGate(poisoned);
    }

    @Bean
    ConfigurerModule parkingPolicies(ObjectProvider<ParkedLetters> letters, ObjectProvider<MeterRegistry> meters) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing(processing -> {
                    for (String group : letters.getObject().groups()) {
                        processing.registerDeadLetterPolicy(group, config -> new ParkingPolicy(group, poisoned,
                                () -> Counter.builder(PARKED_METRIC).tag("group", group)
                                        .description("events a processing group could not handle, parked")
                                        .register(meters.getObject())));
                    }
                });
            }

            @Override
            public int order() {
                return ORDER;
            }
        };
    }

    @Bean
    QueuedGauges queuedGauges(ParkedLetters letters, MeterRegistry meters) {
        return new QueuedGauges(letters, meters);
    }

    /** Registers the gauges once the processors run; NaN when the queue cannot be read. */
    static final class QueuedGauges {

        private final ParkedLetters letters;
        private final MeterRegistry meters;

        QueuedGauges(ParkedLetters letters, MeterRegistry meters) {
            this.letters = letters;
            this.meters = meters;
        }

        @EventListener(ApplicationReadyEvent.class)
        void register() {
            for (String group : letters.groups()) {
                Gauge.builder(QUEUED_METRIC, letters, parked -> {
                            try {
                                return parked.size(group);
                            } catch (RuntimeException e) {
                                return Double.NaN;
                            }
                        })
                        .tag("group", group)
                        .description("letters in the processing group's dead-letter queue, held-back ones included")
                        .register(meters);
            }
        }
    }
}
