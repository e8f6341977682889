/**
 * Publishes every change of every application to Kafka as a CloudEvents 1.0 message, without
 * the applicant's personal data, at least once and in order per application, with the event
 * store as the outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "发布 / publishing")
package cn.gongkai.ledger.publishing;
