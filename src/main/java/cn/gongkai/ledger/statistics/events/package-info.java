/** The events of a reporting year: closed, published. Part of the audit trail like every request event. */
@org.springframework.modulith.NamedInterface("events")
package cn.gongkai.ledger.statistics.events;
