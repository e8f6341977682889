package cn.gongkai.ledger.publishing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the compacted topic {@value AnnualTablesMessages#TOPIC} ({@code cleanup.policy=compact})
 * if it is missing: at startup if Kafka is there, and in any case before the first record is sent
 * (a broker that auto-creates topics would otherwise create it with the delete policy). A topic that
 * exists with another policy is left as it is, with an error in the log: changing it is an
 * operator's decision.
 */
@Component
class AnnualTablesTopic implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnnualTablesTopic.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final PublishingProperties settings;
    private Admin admin;
    private volatile boolean ensured;

    AnnualTablesTopic(PublishingProperties settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        try {
            ensure();
        } catch (RuntimeException e) {
            log.warn("Could not make sure that the topic {} exists ({}); trying again before the first message",
                    AnnualTablesMessages.TOPIC, e.toString());
        }
    }

    /** Makes sure the topic exists; throws if Kafka cannot tell. */
    synchronized void ensure() {
        if (ensured) {
            return;
        }
        String topic = AnnualTablesMessages.TOPIC;
        try {
            Admin client = admin();
            try {
                client.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                create(client, topic);
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = client.describeConfigs(List.of(resource)).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(resource);
            ConfigEntry policy = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                log.error("The topic {} exists with cleanup.policy={}, not compact: consumers may lose the latest"
                        + " tables of an agency-year; set cleanup.policy=compact", topic,
                        policy == null ? "?" : policy.value());
            }
            ensured = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not check or create the topic " + topic, e);
        }
    }

    private static void create(Admin client, String topic) throws ExecutionException, InterruptedException,
            TimeoutException {
        NewTopic newTopic = new NewTopic(topic, Optional.empty(), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            client.createTopics(List.of(newTopic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("Created the compacted topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>();
            // the security settings of gongkai.kafka.properties apply; producer tuning does not
            settings.properties().forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    config.put(key, value);
                }
            });
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "gongkai-ledger-annual-tables-admin");
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
