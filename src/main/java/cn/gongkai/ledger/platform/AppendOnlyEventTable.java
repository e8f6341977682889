package cn.gongkai.ledger.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the service's database role could rewrite history: if it owns the event
 * table (or may act as its owner) or is a superuser, the append-only trigger of migration V10 does
 * not bind it. Migration V10 refuses such a role once; this check holds on every start, so that a
 * later change of {@code GONGKAI_DB_USER} cannot silently drop the protection
 * (docs/adr/0007-append-only-event-table.md). A privilege granted by mistake only warns: the
 * trigger still rejects every change.
 */
@Component
@DependsOnDatabaseInitialization
class AppendOnlyEventTable implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AppendOnlyEventTable.class);

    private final JdbcClient jdbc;

    AppendOnlyEventTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ServiceRole(String name, String tableOwner, boolean actsAsOwner, boolean superuser, boolean mayChange) {
    }

    ServiceRole serviceRole() {
        return jdbc.sql("""
                        select current_user as name,
                               pg_get_userbyid(c.relowner) as table_owner,
                               pg_has_role(current_user, c.relowner, 'MEMBER') as acts_as_owner,
                               r.rolsuper as superuser,
                               has_table_privilege(c.oid, 'UPDATE') or has_table_privilege(c.oid, 'DELETE')
                                   or has_table_privilege(c.oid, 'TRUNCATE') as may_change
                        from pg_class c, pg_roles r
                        where c.oid = 'domain_event_entry'::regclass and r.rolname = current_user""")
                .query(ServiceRole.class)
                .single();
    }

    @Override
    public void afterPropertiesSet() {
        ServiceRole role = serviceRole();
        if (role.actsAsOwner() || role.superuser()) {
            throw new IllegalStateException(("The service connects to PostgreSQL as '%s', which %s: the event table"
                    + " domain_event_entry would not be append-only. Connect as the service role (GONGKAI_DB_USER,"
                    + " e.g. gongkai_service) and let only Flyway use the owner (GONGKAI_DB_OWNER);"
                    + " README, \"Append-only event table\".")
                    .formatted(role.name(), role.superuser() ? "is a superuser" : "owns it or may act as its owner '"
                            + role.tableOwner() + "'"));
        }
        if (role.mayChange()) {
            log.warn("The service role '{}' holds UPDATE, DELETE or TRUNCATE on domain_event_entry (granted by mistake?);"
                    + " the append-only trigger still rejects them. Revoke them: REVOKE UPDATE, DELETE, TRUNCATE ON"
                    + " domain_event_entry FROM {};", role.name(), role.name());
        }
    }
}
