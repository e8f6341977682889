package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.ReconciliationFailure;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records of {@value #TOPIC}: key {@code agencyId:year}, value a {@link CloudEvent} (structured
 * mode; extensions {@code agencyid}, {@code reportyear}) of type {@value #TYPE} whose data is the
 * agency-year's current part 三 and part 四 by code, in the official order, with the reconciliation
 * status. The topic is compacted: its latest record per key
 * is the table as it stands.
 */
final class AnnualTablesMessages {

    static final String TOPIC = "gongkai.annual-tables.v1";
    static final String TYPE = "cn.gongkai.ledger.annual-tables.AnnualTablesChanged.v1";
    static final String SCHEMA_VERSION = "1";
    static final String DATA_SCHEMA = "annual-tables/AnnualTablesChanged.v1.json";

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
        CloudEvent<AnnualTablesChangedV1> envelope = new CloudEvent<>(
                UUID.randomUUID().toString(),
                "/gongkai-ledger/agencies/" + agencyId + "/annual-tables/" + year,
                TYPE,
                key(agencyId, year),
                computedAt.toString(),
                schemaBase.resolve(DATA_SCHEMA).toString(),
                CloudEvent.extensions("agencyid", agencyId, "reportyear", String.valueOf(year),
                        "schemaversion", SCHEMA_VERSION),
                new AnnualTablesChangedV1(agencyId, year, part3.closed(), failures.isEmpty(), part3.codes(),
                        part4.codes(), failures.stream().map(Failure::of).toList()));
        return CloudEvents.record(TOPIC, key(agencyId, year), envelope);
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
