package cn.gongkai.ledger.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

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
 * subject (ADR 0009), each key wrapped by a key-encryption key of the key file (ADR 0012). Types
 * without personal data pass through unchanged.
 */
@Configuration(proxyBeanMethods = false)
class SerializationConfiguration {

    static ObjectMapper eventMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The key file ({@code gongkai.personal-data.key-file}, {@code GONGKAI_PERSONAL_DATA_KEY_FILE}); no
     * default outside the embedded dev run and the tests: a key file in an unexpected place is a key
     * file nobody backs up, shares between instances or protects (README, "Erasure and the key file").
     */
    @Bean
    KeyFile keyEncryptionKeys(@Value("${gongkai.personal-data.key-file:}") String keyFile) {
        if (keyFile.isBlank()) {
            throw new IllegalStateException("未配置个人信息密钥文件。gongkai.personal-data.key-file"
                    + " (GONGKAI_PERSONAL_DATA_KEY_FILE) is not set: the path of the file that keeps the key-encryption"
                    + " keys of the applicants' personal data, outside the database (README, \"Erasure and the key file\")");
        }
        return new KeyFile(Path.of(keyFile));
    }

    /** Opened once at start, after the migrations: binds the key file to this database and wraps plain keys. */
    @Bean
    @DependsOnDatabaseInitialization
    PersonalDataKeyRotation personalDataKeyRotation(DataSource dataSource, PlatformTransactionManager transactions,
                                                    KeyFile keys) {
        PersonalDataKeyRotation rotation = new PersonalDataKeyRotation(dataSource, transactions, keys);
        rotation.open(keys);
        return rotation;
    }

    @Bean
    PersonalDataKeys personalDataKeys(DataSource dataSource, KeyFile keys, PersonalDataKeyRotation openedFirst) {
        return new JdbcPersonalDataKeys(dataSource, keys);
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
