package cn.gongkai.ledger.access.agencies;

/** Give the agency a new official name; {@code expectedVersion} (If-Match) may be null. */
record RenameAgency(String agencyId, String name, Long expectedVersion, String reason) implements AgencyCommand {
}
