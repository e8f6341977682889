/**
 * The events of a dispute's life: the published language of the disputes module. Every event is a
 * record of stable primitives, enums and ISO dates with a {@code @Revision}; its JSON is pinned by
 * an approval test.
 */
@org.springframework.modulith.NamedInterface("events")
package cn.gongkai.ledger.disputes.events;
