package cn.gongkai.ledger.publishing.consumer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An example downstream consumer that needs nothing but {@code gongkai.requests.v1}: a plain
 * {@link KafkaConsumer} reads the topic from the beginning and rebuilds part 三 of any agency-year
 * from the messages alone. No database, no class of the service: codes are the strings of the
 * messages and of the README.
 *
 * <p>The documented consumer rule: a message is applied once (de-duplicated by the CloudEvent
 * {@code id}), and an application's messages are applied in {@code sequence} order, only when the
 * sequence is the next one expected for that application (a duplicate or a message that got ahead
 * of a failed earlier one is skipped; it comes again, in order).
 *
 * <p>What it keeps per application: agency, receipt date ({@code RequestReceived.receivedOn}),
 * applicant category (corrected by {@code ApplicantCategoryCorrected}), conclusion date and outcome
 * ({@code RequestAnswered}, {@code RequestWithdrawn}, {@code RequestLapsed}; the outcome corrected by
 * {@code OutcomeCorrected}). The table of year Y then follows from the definitions: received in Y
 * by category; resolved in Y by outcome and category; carried over = received before Y and not
 * concluded before Y; carried forward = received by 31 December Y and not concluded by then.
 */
public final class Part3FromRequestsTopic implements AutoCloseable {

    public static final String TOPIC = "gongkai.requests.v1";
    private static final String TYPE_PREFIX = "cn.gongkai.ledger.request.";
    private static final List<String> CATEGORIES = List.of("NATURAL_PERSON", "COMMERCIAL_ENTERPRISE",
            "RESEARCH_INSTITUTION", "SOCIAL_WELFARE_ORGANIZATION", "LEGAL_SERVICE_INSTITUTION", "OTHER_ORGANIZATION");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final Set<String> appliedIds = new HashSet<>();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final Map<String, Application> applications = new LinkedHashMap<>();
    private long applied;
    private long skipped;

    /** One application as the messages describe it. */
    private static final class Application {
        String agencyId;
        LocalDate receivedOn;
        String category;
        LocalDate concludedOn;
        String outcome;
    }

    public Part3FromRequestsTopic(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "part3-from-requests-topic");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads on from where it stopped to the topic's current end. */
    public void catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                accept(JSON.readTree(record.value()));
            }
        }
    }

    /** Applies one message by the documented rule; returns whether it was applied. */
    boolean accept(JsonNode message) {
        String id = message.get("id").asString();
        String requestId = message.get("requestid").asString();
        long sequence = Long.parseLong(message.get("sequence").asString());
        if (appliedIds.contains(id) || sequence != nextSequence.getOrDefault(requestId, 0L)) {
            skipped++;
            return false;
        }
        appliedIds.add(id);
        nextSequence.put(requestId, sequence + 1);
        applied++;
        String type = message.get("type").asString();
        String event = type.substring(TYPE_PREFIX.length(), type.lastIndexOf(".v"));
        JsonNode data = message.get("data");
        Application application = applications.computeIfAbsent(requestId, key -> new Application());
        switch (event) {
            case "RequestReceived" -> {
                application.agencyId = message.get("agencyid").asString();
                application.receivedOn = LocalDate.parse(data.get("receivedOn").asString());
                application.category = data.get("applicantCategory").asString();
            }
            case "RequestAnswered", "RequestWithdrawn", "RequestLapsed" -> {
                application.concludedOn = LocalDate.parse(data.get("concludedOn").asString());
                application.outcome = data.get("outcome").asString();
            }
            case "OutcomeCorrected" -> application.outcome = data.get("correctedOutcome").asString();
            case "ApplicantCategoryCorrected" -> application.category = data.get("correctedCategory").asString();
            default -> {
                // the other events do not change part 三
            }
        }
        return true;
    }

    /**
     * Part 三 of the agency and year: row code → column code → count. Rows that no application
     * counts in are left out (they are zero); the {@code TOTAL} column is the sum of the categories.
     */
    public Map<String, Map<String, Long>> part3(String agencyId, int year) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        Map<String, Map<String, Long>> table = new LinkedHashMap<>();
        for (String row : List.of("RECEIVED", "CARRIED_OVER", "RESOLVED_TOTAL", "CARRIED_FORWARD")) {
            Map<String, Long> columns = new LinkedHashMap<>();
            CATEGORIES.forEach(category -> columns.put(category, 0L));
            columns.put("TOTAL", 0L);
            table.put(row, columns);
        }
        for (Application a : applications.values()) {
            if (!agencyId.equals(a.agencyId) || a.receivedOn == null) {
                continue;
            }
            boolean concludedBeforeStart = a.concludedOn != null && a.concludedOn.isBefore(start);
            boolean concludedByEnd = a.concludedOn != null && !a.concludedOn.isAfter(end);
            if (a.receivedOn.getYear() == year) {
                count(table, "RECEIVED", a.category);
            }
            if (a.receivedOn.isBefore(start) && !concludedBeforeStart) {
                count(table, "CARRIED_OVER", a.category);
            }
            if (a.concludedOn != null && a.concludedOn.getYear() == year) {
                count(table, a.outcome, a.category);
                count(table, "RESOLVED_TOTAL", a.category);
            }
            if (!a.receivedOn.isAfter(end) && !concludedByEnd) {
                count(table, "CARRIED_FORWARD", a.category);
            }
        }
        return table;
    }

    private static void count(Map<String, Map<String, Long>> table, String row, String category) {
        Map<String, Long> columns = table.computeIfAbsent(row, r -> new LinkedHashMap<>());
        columns.merge(category, 1L, Long::sum);
        columns.merge("TOTAL", 1L, Long::sum);
    }

    public long applied() {
        return applied;
    }

    public long skipped() {
        return skipped;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
