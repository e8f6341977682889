package cn.gongkai.ledger.access;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The agencies known to this installation, read from the {@code agency} table. */
@Component
public class AgencyDirectory {

    private final JdbcClient jdbc;

    AgencyDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Agency> find(String id) {
        return jdbc.sql("select id, name, parent_id from agency where id = ?")
                .param(id)
                .query(Agency.class)
                .optional();
    }

    /** The agencies directly below {@code id}, by id; empty for an unknown id. */
    public List<Agency> children(String id) {
        return jdbc.sql("select id, name, parent_id from agency where parent_id = ? order by id")
                .param(id)
                .query(Agency.class)
                .list();
    }

    /** {@code id} and every agency below it, at any depth (a county with its departments and townships). */
    public List<String> subtree(String id) {
        return jdbc.sql("""
                        with recursive below(id) as (
                            select id from agency where id = ?
                            union
                            select a.id from agency a join below b on a.parent_id = b.id)
                        select id from below order by id""")
                .param(id)
                .query(String.class)
                .list();
    }

    /** Every agency that keeps a register, by id: not the platform's operators' own row. */
    public List<Agency> all() {
        return jdbc.sql("select id, name, parent_id from agency where not platform_operator order by id")
                .query(Agency.class)
                .list();
    }
}
