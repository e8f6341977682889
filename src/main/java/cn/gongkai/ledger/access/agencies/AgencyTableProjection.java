package cn.gongkai.ledger.access.agencies;

import cn.gongkai.ledger.access.events.AgencyCreated;
import cn.gongkai.ledger.access.events.AgencyParentCleared;
import cn.gongkai.ledger.access.events.AgencyParentSet;
import cn.gongkai.ledger.access.events.AgencyRenamed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the agency table, which logins, the annual tables' roll-ups and the year close read, as the
 * agency events say. Its processor {@value #PROCESSING_GROUP} is subscribing (application.yaml): the
 * handler runs in the command's transaction, so a change is in the table exactly when its event is
 * stored, and the next command's tree checks see it (docs/adr/0015). A failure fails the command.
 */
@Component
@ProcessingGroup(AgencyTableProjection.PROCESSING_GROUP)
class AgencyTableProjection {

    static final String PROCESSING_GROUP = "agency-table";

    private final JdbcClient jdbc;

    AgencyTableProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AgencyCreated event) {
        jdbc.sql("insert into agency (id, name, parent_id) values (?, ?, ?)")
                .params(event.agencyId(), event.name(), event.parentId())
                .update();
    }

    @EventHandler
    void on(AgencyRenamed event) {
        jdbc.sql("update agency set name = ? where id = ?").params(event.name(), event.agencyId()).update();
    }

    @EventHandler
    void on(AgencyParentSet event) {
        jdbc.sql("update agency set parent_id = ? where id = ?").params(event.parentId(), event.agencyId()).update();
    }

    @EventHandler
    void on(AgencyParentCleared event) {
        jdbc.sql("update agency set parent_id = null where id = ?").param(event.agencyId()).update();
    }
}
