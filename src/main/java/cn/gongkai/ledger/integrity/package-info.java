/**
 * Tamper evidence: a SHA-256 hash chain over every stored event in the order it was chained, a
 * verification that names the first broken link, and checkpoints of the chain's head on Kafka so
 * that a party outside the database holds it. Internals live in {@code integrity.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "防篡改 / integrity")
package cn.gongkai.ledger.integrity;
