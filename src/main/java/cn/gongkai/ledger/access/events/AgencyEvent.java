package cn.gongkai.ledger.access.events;

/**
 * Something that happened to one agency as a node of the tree behind roll-ups: set up, renamed,
 * placed under another, given its first administrator. Who did it lives in the metadata.
 */
public sealed interface AgencyEvent
        permits AgencyCreated, AgencyAdopted, AgencyRenamed, AgencyParentSet, AgencyParentCleared,
        AgencyAdministratorCreated {

    /** The agency's id, e.g. {@code zhumadian-jyj}. */
    String agencyId();

    /** What happened, in plain words, as the audit trail shows it. */
    String label();
}
