/**
 * The events of an annual report: part 二 figures entered and corrected, prose versions saved, gate
 * warnings acknowledged, versions published. Records of stable primitives with a {@code @Revision}; the
 * audit trail and the Kafka publisher read them.
 */
@org.springframework.modulith.NamedInterface("events")
package cn.gongkai.ledger.report.events;
