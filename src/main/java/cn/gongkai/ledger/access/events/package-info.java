/**
 * The events of the agency tree, recorded by the platform administrator's commands: the published
 * language that the agency table and the audit trail read. Every event is a record of strings with a
 * {@code @Revision}; its JSON is pinned by an approval test. Who acted and why is also in the metadata.
 */
@org.springframework.modulith.NamedInterface("events")
package cn.gongkai.ledger.access.events;
