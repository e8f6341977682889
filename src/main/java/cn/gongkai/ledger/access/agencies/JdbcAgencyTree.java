package cn.gongkai.ledger.access.agencies;

import cn.gongkai.ledger.access.Agency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link AgencyTree} on the agency table, read in the command's transaction. */
@Component
class JdbcAgencyTree implements AgencyTree {

    /** "gongkai" and a 2 for the agency tree; {@code platform.JdbcPersonalDataKeys} uses …01. */
    private static final long TREE_LOCK = 0x676f6e676b616902L;

    private final JdbcClient jdbc;

    JdbcAgencyTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(TREE_LOCK).query((rs, row) -> null).list();
    }

    @Override
    public Optional<Agency> find(String agencyId) {
        return jdbc.sql("select id, name, parent_id from agency where id = ? and not platform_operator")
                .param(agencyId)
                .query(Agency.class)
                .optional();
    }

    @Override
    public boolean idTaken(String agencyId) {
        return jdbc.sql("select exists (select 1 from agency where id = ?)").param(agencyId)
                .query(Boolean.class).single();
    }

    @Override
    public List<String> ancestorsOf(String agencyId) {
        // union, not union all: ends even on a cycle written into the table by hand
        return jdbc.sql("""
                        with recursive above(id, depth) as (
                            select parent_id, 1 from agency where id = ? and parent_id is not null
                            union
                            select a.parent_id, b.depth + 1 from agency a join above b on a.id = b.id
                            where a.parent_id is not null and b.depth < 1000)
                        select id from above order by depth""")
                .param(agencyId)
                .query(String.class)
                .list();
    }

    @Override
    public boolean hasAdministrator(String agencyId) {
        return jdbc.sql("""
                        select exists (select 1 from staff_user u join staff_role r on r.username = u.username
                                       where u.agency_id = ? and u.enabled and r.role = 'ADMIN')""")
                .param(agencyId)
                .query(Boolean.class)
                .single();
    }
}
