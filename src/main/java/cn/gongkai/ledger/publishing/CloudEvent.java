package cn.gongkai.ledger.publishing;

/**
 * A message in the CloudEvents 1.0 JSON format, as the value of a Kafka record in structured
 * mode. The extension attributes are lowercase alphanumeric, as the specification requires.
 *
 * @param sequence the event's position in its application's stream, zero-padded to 19 digits so
 *                 that string order is numeric order, as the CloudEvents sequence extension asks
 */
record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        String time,
        String datacontenttype,
        String dataschema,
        String agencyid,
        String requestid,
        String registrationnumber,
        String sequence,
        String businessdate,
        String actorrole,
        String schemaversion,
        MessageData data) {
}
