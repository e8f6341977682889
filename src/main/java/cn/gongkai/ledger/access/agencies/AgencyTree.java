package cn.gongkai.ledger.access.agencies;

import cn.gongkai.ledger.access.Agency;
import java.util.List;
import java.util.Optional;

/**
 * The tree of agencies as the agency table holds it, for the rules of {@link AgencyNode} that look
 * beyond one agency: no cycles, a known parent, an agency without an administrator.
 */
interface AgencyTree {

    /**
     * Serializes the changes to the tree's shape until the transaction ends, so that two agencies
     * placed below each other at the same moment cannot both pass the cycle check.
     */
    void lock();

    /** The agency, if it exists and keeps a register (the platform's operators do not). */
    Optional<Agency> find(String agencyId);

    /** Whether any row of the agency table, the platform's operators' included, has this id. */
    boolean idTaken(String agencyId);

    /** The agencies above {@code agencyId}: its parent, the parent's parent, … up to the top. */
    List<String> ancestorsOf(String agencyId);

    /** Whether an enabled user of the agency holds ADMIN. */
    boolean hasAdministrator(String agencyId);
}
