package cn.gongkai.ledger.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Events, tokens and messages are stored as JSON by Axon's Jackson 2 serializer (never XStream:
 * it cannot read records on JDK 25). The mapper is Axon's own and not a bean, so that Boot's web
 * layer keeps its Jackson 3 mapper untouched.
 *
 * <p>Dates are ISO strings; unknown properties are ignored so that an event revision that only adds
 * an optional field stays readable by older code.
 *
 * <p>Every serializer is wrapped in {@link PersonalDataSerializer}: events (and snapshots, and the
 * dead-letter queue's copies of events) keep their {@link PersonalData} encrypted with a key per
 * subject (ADR 0009). Types without personal data pass through unchanged.
 */
@Configuration(proxyBeanMethods = false)
class SerializationConfiguration {

    static ObjectMapper eventMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    PersonalDataKeys personalDataKeys(DataSource dataSource) {
        return new JdbcPersonalDataKeys(dataSource);
    }

    @Bean
    @Primary
    Serializer serializer(PersonalDataKeys keys) {
        return protecting(keys);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(PersonalDataKeys keys) {
        return protecting(keys);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(PersonalDataKeys keys) {
        return protecting(keys);
    }

    /** No event processor decrypts personal data: none of them uses it (ADR 0009). */
    @Bean
    ConfigurerModule processorsWithholdPersonalData() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultHandlerInterceptor((config, processor) -> new WithholdPersonalData()));
    }

    private static Serializer protecting(PersonalDataKeys keys) {
        return new PersonalDataSerializer(JacksonSerializer.builder().objectMapper(eventMapper()).build(), keys);
    }
}
