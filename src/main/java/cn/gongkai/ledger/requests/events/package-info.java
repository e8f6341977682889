/**
 * The events of an application's life: the published language of the request register, which
 * projections, the Kafka publisher and the audit trail read. Every event is a record of stable
 * primitives, enums and ISO dates with a {@code @Revision}; its JSON is pinned by an approval test.
 */
@org.springframework.modulith.NamedInterface("events")
package cn.gongkai.ledger.requests.events;
