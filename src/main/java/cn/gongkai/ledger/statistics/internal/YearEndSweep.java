package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.platform.ProcessManager;
import cn.gongkai.ledger.platform.ProjectionText;
import cn.gongkai.ledger.requests.YearEnd;
import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.requests.write.carryforward.CarryForward;
import cn.gongkai.ledger.statistics.events.YearClosed;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The year-end sweep, a process apart from the annual tables' read model: on {@link YearClosed} it
 * carries forward every application of the agency open at the end of that year ({@link YearEnd}), and
 * an application registered later with a receipt date in a closed year is carried forward from each
 * closed year since its receipt as soon as it is seen. Commands only in live processing, never while
 * replaying: the carry-forward events are already in the store then.
 *
 * <p>It keeps its own small view (receipt and conclusion dates, closed years) in its own processor,
 * one segment, in global order: the sweep on {@code YearClosed} has seen every receipt and conclusion
 * stored before it, which is what makes it complete without waiting for another processor. The
 * aggregate decides in the end (a carry-forward of an application concluded in time does nothing).
 */
@Component
@ProcessManager
@ProcessingGroup(YearEndSweep.PROCESSING_GROUP)
class YearEndSweep {

    static final String PROCESSING_GROUP = "year-end-sweep";
    private static final String YEAR_CLOSE_JOB = "year-close";

    private final JdbcClient jdbc;
    private final CommandGateway commands;

    YearEndSweep(JdbcClient jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @EventHandler
    void on(RequestReceived event, ReplayStatus replay) {
        int inserted = jdbc.sql("""
                        insert into year_end_sweep_application (request_id, agency_id, received_on)
                        values (:id, :agency, :received)
                        on conflict (request_id) do nothing""")
                .param("id", event.requestId())
                .param("agency", ProjectionText.of(event.agencyId()))
                .param("received", event.receivedOn())
                .update();
        if (inserted == 1 && !replay.isReplay()) {
            carryIntoClosedYears(event);
        }
    }

    @EventHandler
    void on(RequestConcluded event) {
        jdbc.sql("update year_end_sweep_application set concluded_on = :concluded where request_id = :id")
                .param("concluded", event.concludedOn())
                .param("id", event.requestId())
                .update();
    }

    @EventHandler
    void on(YearClosed event, ReplayStatus replay) {
        jdbc.sql("insert into year_end_sweep_closed_year (agency_id, year) values (:agency, :year) on conflict do nothing")
                .param("agency", ProjectionText.of(event.agencyId()))
                .param("year", event.year())
                .update();
        if (replay.isReplay()) {
            return;
        }
        List<UUID> open = jdbc.sql("select request_id from year_end_sweep_application where agency_id = :agency and "
                        + YearEnd.sql("received_on", "concluded_on", "end") + " order by received_on, request_id")
                .param("agency", ProjectionText.of(event.agencyId()))
                .param("end", YearEnd.of(event.year()))
                .query(UUID.class)
                .list();
        open.forEach(requestId -> carryForward(requestId, event.agencyId(), event.year()));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate table year_end_sweep_application, year_end_sweep_closed_year").update();
    }

    /** A late registration into a closed year is carried forward from each closed year since its receipt. */
    private void carryIntoClosedYears(RequestReceived event) {
        jdbc.sql("select year from year_end_sweep_closed_year where agency_id = :agency and year >= :year order by year")
                .param("agency", ProjectionText.of(event.agencyId()))
                .param("year", event.receivedOn().getYear())
                .query(Integer.class)
                .list()
                .forEach(year -> carryForward(event.requestId(), event.agencyId(), year));
    }

    private void carryForward(UUID requestId, String agencyId, int year) {
        MetaData actor = MetaData.from(Actor.system(YEAR_CLOSE_JOB, agencyId).toMetaData());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CarryForward(requestId, year))
                .andMetaData(actor));
    }
}
