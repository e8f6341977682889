package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.ReconciliationFailure;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of {@value #TOPIC}: key {@code agencyId:year}, value a CloudEvent (structured mode)
 * of type {@value #TYPE} whose data is the agency-year's current part 三 and part 四 by code, in the
 * official order, with the reconciliation status. The topic is compacted: its latest record per key
 * is the table as it stands.
 */
final class AnnualTablesMessages {

    static final String TOPIC = "gongkai.annual-tables.v1";
    static final String TYPE = "cn.gongkai.ledger.annual-tables.AnnualTablesChanged.v1";
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    static final String SCHEMA_VERSION = "1";
    static final String DATA_SCHEMA = "annual-tables/AnnualTablesChanged.v1.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final URI schemaBase;

    AnnualTablesMessages(URI schemaBase) {
        this.schemaBase = schemaBase;
    }

    static String key(String agencyId, int year) {
        return agencyId + ":" + year;
    }

    ProducerRecord<String, byte[]> record(Part3Table part3, Part4Table part4, List<ReconciliationFailure> failures,
                                          Instant computedAt) {
        String agencyId = part3.agencyId();
        int year = part3.year();
        Envelope envelope = new Envelope(
                "1.0",
                UUID.randomUUID().toString(),
                "/gongkai-ledger/agencies/" + agencyId + "/annual-tables/" + year,
                TYPE,
                key(agencyId, year),
                computedAt.toString(),
                "application/json",
                schemaBase.resolve(DATA_SCHEMA).toString(),
                agencyId,
                String.valueOf(year),
                SCHEMA_VERSION,
                new AnnualTablesChangedV1(agencyId, year, part3.closed(), failures.isEmpty(), codes(part3),
                        codes(part4), failures.stream().map(Failure::of).toList()));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key(agencyId, year),
                JSON.writeValueAsBytes(envelope));
        record.headers().add(new RecordHeader("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** Row → column → count, rows and columns in the official order. */
    static Map<String, Map<String, Long>> codes(Part3Table table) {
        Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
        for (TableRow row : TableRow.values()) {
            Map<String, Long> columns = new LinkedHashMap<>();
            for (TableColumn column : TableColumn.values()) {
                columns.put(column.name(), table.cell(row, column));
            }
            cells.put(row.name(), columns);
        }
        return cells;
    }

    /** Group → column → count, in the official order. */
    static Map<String, Map<String, Long>> codes(Part4Table table) {
        Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
        for (DisputeGroup group : DisputeGroup.values()) {
            Map<String, Long> columns = new LinkedHashMap<>();
            for (DisputeColumn column : DisputeColumn.values()) {
                columns.put(column.name(), table.cell(group, column));
            }
            cells.put(group.name(), columns);
        }
        return cells;
    }

    /** The CloudEvent; {@code agencyid} and {@code reportyear} are extension attributes. */
    record Envelope(String specversion, String id, String source, String type, String subject, String time,
                    String datacontenttype, String dataschema, String agencyid, String reportyear,
                    String schemaversion, AnnualTablesChangedV1 data) {
    }

    /** The data: the tables of one agency-year as they stand. */
    record AnnualTablesChangedV1(String agencyId, int year, boolean closed, boolean reconciled,
                                 Map<String, Map<String, Long>> part3, Map<String, Map<String, Long>> part4,
                                 List<Failure> reconciliationFailures) {
    }

    /** A reconciliation rule that does not hold: its name, the message in Chinese and English, the cells. */
    record Failure(String rule, String messageZh, String messageEn, List<String> cells) {

        static Failure of(ReconciliationFailure failure) {
            return new Failure(failure.rule(), failure.messageZh(), failure.messageEn(), failure.cells());
        }
    }
}
