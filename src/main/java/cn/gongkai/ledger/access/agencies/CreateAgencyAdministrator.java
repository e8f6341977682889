package cn.gongkai.ledger.access.agencies;

/** Create the agency's first ADMIN with an initial password, which the agency's users then manage. */
record CreateAgencyAdministrator(String agencyId, String username, String displayName, String password,
                                 String reason) implements AgencyCommand {

    @Override
    public String toString() {
        return "CreateAgencyAdministrator[" + agencyId + ", " + username + "]";
    }
}
