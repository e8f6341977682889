package cn.gongkai.ledger.publishing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message in the CloudEvents 1.0 JSON format, as the value of a Kafka record in structured mode:
 * the one envelope of every topic the service writes (requests, annual tables, deadline alerts, the
 * integrity chain's checkpoints). {@link CloudEvents} writes it, attributes in this order:
 * {@code specversion}, {@code id}, {@code source}, {@code type}, {@code subject}, {@code time},
 * {@code datacontenttype}, {@code dataschema}, the extensions in their order, {@code data}.
 *
 * @param extensions the extension attributes, lowercase alphanumeric names as the specification
 *                   requires, in the order they are written ({@code schemaversion} among them)
 * @param data       written with the messages' own JSON mapper, never the web layer's
 */
public record CloudEvent<D>(String id, String source, String type, String subject, String time, String dataschema,
                            Map<String, String> extensions, D data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** The Kafka {@code content-type} header of structured mode. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public CloudEvent {
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** Extension attributes in the order given: name, value, name, value … (a value may be null). */
    public static Map<String, String> extensions(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("extensions come in name/value pairs");
        }
        Map<String, String> extensions = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            extensions.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return extensions;
    }
}
