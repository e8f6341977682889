package cn.gongkai.ledger.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.publishing.DeadlineAlertMessages.Alert;
import cn.gongkai.ledger.publishing.DeadlineAlertMessages.AlertState;
import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.ReconciliationFailure;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import cn.gongkai.ledger.requests.events.RequestEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The bytes of every kind of message this module sends, pinned: the value (with the random
 * CloudEvents {@code id} of the annual tables replaced by {@code *}), the key, the topic and the
 * headers, compared with {@code approved-messages/}. A refactoring of how messages are built must
 * leave them byte for byte as they are. {@code -Dgongkai.messages.approve=true} writes the files.
 */
class MessageBytesApprovalTest {

    private static final Path APPROVED = Path.of("src/test/resources/approved-messages");
    private static final URI SCHEMA_BASE = URI.create(MessageContract.SCHEMA_BASE);
    private static final RegisteredRequest REQUEST = new RegisteredRequest(
            UUID.fromString("6f1c2a4e-8b0d-4c3e-9a51-2d7e4f0b9c13"), "gz-housing", "2026-0042");

    @Test
    void requestMessagesAreByteForByteTheApprovedOnes() throws IOException {
        RequestMessages messages = new RequestMessages(SCHEMA_BASE);
        List<String> all = new ArrayList<>();
        MessageContractTest.samples().forEach((RequestEvent event) -> all.add(text(messages.record(event,
                "event-" + event.getClass().getSimpleName(), 7, Instant.parse("2026-03-03T01:02:03.456Z"),
                Map.of("actor", "handler-a", "agency", "gz-housing", "roles", "HANDLER,REVIEWER"), REQUEST))));
        approve("requests.txt", String.join("\n", all));
    }

    @Test
    void annualTablesMessagesAreByteForByteTheApprovedOnes() throws IOException {
        Part3Table.Builder part3 = Part3Table.builder("kaifaqu", 2025, true);
        long n = 1;
        for (TableRow row : TableRow.values()) {
            for (TableColumn column : TableColumn.values()) {
                part3.set(row, column, n++ % 7);
            }
        }
        Map<DisputeGroup, Map<DisputeColumn, Long>> cells = new EnumMap<>(DisputeGroup.class);
        for (DisputeGroup group : DisputeGroup.values()) {
            Map<DisputeColumn, Long> columns = new EnumMap<>(DisputeColumn.class);
            for (DisputeColumn column : DisputeColumn.values()) {
                columns.put(column, n++ % 5);
            }
            cells.put(group, columns);
        }
        List<ReconciliationFailure> failures = List.of(
                new ReconciliationFailure("BalancePerColumn", "自然人列：不等", "NATURAL_PERSON: differs",
                        List.of("RECEIVED/NATURAL_PERSON", "CARRIED_OVER/NATURAL_PERSON"), List.of("2025-0001")),
                new ReconciliationFailure("Part4TotalIsSumOfResults", "第四部分", "part 4", List.of(), List.of()));
        ProducerRecord<String, byte[]> record = new AnnualTablesMessages(SCHEMA_BASE).record(part3.build(),
                new Part4Table("kaifaqu", 2025, cells), failures, Instant.parse("2026-01-02T03:04:05.678Z"));
        ProducerRecord<String, byte[]> reconciled = new AnnualTablesMessages(SCHEMA_BASE).record(
                Part3Table.builder("yicheng", 2024, false).build(), Part4Table.empty("yicheng", 2024), List.of(),
                Instant.parse("2026-01-02T03:04:05Z"));
        approve("annual-tables.txt", text(record) + "\n" + text(reconciled));
    }

    @Test
    void deadlineAlertMessagesAreByteForByteTheApprovedOnes() throws IOException {
        DeadlineAlertMessages messages = new DeadlineAlertMessages(SCHEMA_BASE);
        Alert dueSoon = new Alert(REQUEST.requestId(), "gz-housing", "2026-0042", AlertState.DUE_SOON,
                LocalDate.of(2026, 3, 20), false, LocalDate.of(2026, 3, 17), 3, 0);
        Alert overdue = new Alert(REQUEST.requestId(), "gz-housing", "2026-0042", AlertState.OVERDUE,
                LocalDate.of(2026, 3, 20), true, LocalDate.of(2026, 3, 24), 0, 2);
        approve("deadline-alerts.txt", text(messages.record(dueSoon, Instant.parse("2026-03-17T00:30:00Z"))) + "\n"
                + text(messages.record(overdue, Instant.parse("2026-03-24T00:30:00.5Z"))));
    }

    static String text(ProducerRecord<String, byte[]> record) {
        StringBuilder headers = new StringBuilder();
        for (Header header : record.headers()) {
            headers.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8))
                    .append(';');
        }
        String value = new String(record.value(), StandardCharsets.UTF_8);
        if (record.topic().equals("gongkai.annual-tables.v1")) {
            value = value.replaceFirst("\"id\":\"[0-9a-f-]{36}\"", "\"id\":\"*\"");
        }
        return record.topic() + " | " + record.key() + " | " + headers + "\n" + value;
    }

    static void approve(String name, String actual) throws IOException {
        Path file = APPROVED.resolve(name);
        if (Boolean.getBoolean("gongkai.messages.approve")) {
            Files.createDirectories(APPROVED);
            Files.writeString(file, actual + "\n");
        }
        assertThat(Files.readString(file)).as("approved-messages/%s", name).isEqualTo(actual + "\n");
    }
}
