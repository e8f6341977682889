package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.platform.ProcessManager;
import cn.gongkai.ledger.platform.HeldStatements;
import cn.gongkai.ledger.platform.HeldWrites;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    private static final String INSERT_APPLICATION = """
            insert into year_end_sweep_application (request_id, agency_id, received_on)
            values (:id, :agency, :received)
            on conflict (request_id) do nothing""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final CommandGateway commands;

    YearEndSweep(JdbcClient jdbc, NamedParameterJdbcTemplate batch, CommandGateway commands) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.commands = commands;
    }

    /** What a transaction of the processor writes and nothing reads before the commit (or before a flush). */
    private HeldStatements held() {
        return HeldWrites.of(this, () -> new HeldStatements(batch, this));
    }

    @EventHandler
    void on(RequestReceived event, ReplayStatus replay) {
        MapSqlParameterSource application = new MapSqlParameterSource()
                .addValue("id", event.requestId())
                .addValue("agency", ProjectionText.of(event.agencyId()))
                .addValue("received", event.receivedOn());
        if (replay.isReplay()) {
            // a replay sends no command: the row alone, with the rest of the batch before the commit
            held().add(INSERT_APPLICATION, application);
            return;
        }
        held().flush(); // the closed years are read below
        if (batch.update(INSERT_APPLICATION, application) == 1) {
            carryIntoClosedYears(event);
        }
    }

    @EventHandler
    void on(RequestConcluded event) {
        held().add("update year_end_sweep_application set concluded_on = :concluded where request_id = :id",
                new MapSqlParameterSource("concluded", event.concludedOn()).addValue("id", event.requestId()));
    }

    @EventHandler
    void on(YearClosed event, ReplayStatus replay) {
        held().flush(); // the applications are read below
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
