package cn.gongkai.ledger.access.agencies;

/** Set up a new agency under {@code parentId} (null: at the top of a tree of its own). */
record CreateAgency(String agencyId, String name, String parentId, String reason) implements AgencyCommand {
}
