package cn.gongkai.ledger.access.agencies;

/** Place the agency below {@code parentId}, or at the top when it is null; {@code expectedVersion} may be null. */
record SetAgencyParent(String agencyId, String parentId, Long expectedVersion, String reason)
        implements AgencyCommand {
}
