package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.platform.ProjectionText;
import cn.gongkai.ledger.requests.YearEnd;
import cn.gongkai.ledger.statistics.YearEndChecklist;
import cn.gongkai.ledger.statistics.events.YearClosed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far a year close has got. Whether, when, by whom and why the year was closed is read from
 * the reporting year's own event (ADR 0003: one thing, from its events), so it shows the moment the
 * close is answered. The carry-forwards are counted in the annual-tables projection that makes them:
 * done are the applications carried forward from the year; to come are those open at its end and not
 * carried yet, which also covers an application registered later into the closed year.
 */
@Component
class YearCloseProgress {

    private final EventStore events;
    private final JdbcClient jdbc;

    YearCloseProgress(EventStore events, JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    Status of(String agencyId, int year) {
        DomainEventStream stream = events.readEvents(ReportingYear.id(agencyId, year));
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof YearClosed closed) {
                return closedStatus(agencyId, year, closed, event);
            }
        }
        return new Status(agencyId, year, false, null, null, null, null, false, 0, 0, 0, false,
                year + "年度尚未关闭", "year " + year + " is not closed", List.of());
    }

    private Status closedStatus(String agencyId, int year, YearClosed closed, DomainEventMessage<?> event) {
        String agency = ProjectionText.of(agencyId);
        boolean sweepStarted = jdbc.sql("select count(*) from statistics_closed_year where agency_id = :agency"
                        + " and year = :year")
                .param("agency", agency).param("year", year).query(Long.class).single() > 0;
        long done = jdbc.sql("select count(*) from statistics_carried_forward where agency_id = :agency"
                        + " and from_year = :year")
                .param("agency", agency).param("year", year).query(Long.class).single();
        long toCome = jdbc.sql("select count(*) from statistics_application a where a.agency_id = :agency and "
                        + YearEnd.sql("a.received_on", "a.concluded_on", "end")
                        + " and not exists (select 1 from statistics_carried_forward c"
                        + " where c.request_id = a.request_id and c.from_year = :year)")
                .param("agency", agency).param("end", YearEnd.of(year)).param("year", year)
                .query(Long.class).single();
        boolean complete = sweepStarted && toCome == 0;
        long total = done + toCome;
        String zh = complete
                ? year + "年度已关闭，未办结申请已全部结转至下年度（" + done + "/" + total + "）"
                : year + "年度已关闭，正在结转未办结申请（已结转 " + done + "/" + total + "）";
        String en = complete
                ? "year " + year + " closed; every open application carried forward (" + done + "/" + total + ")"
                : "year " + year + " closed; open applications are being carried forward (" + done + "/" + total
                        + " done)";
        return new Status(agencyId, year, true, closed.closedOn(), event.getTimestamp(),
                (String) event.getMetaData().get(ActorMetaData.USERNAME),
                (String) event.getMetaData().get(ActorMetaData.REASON), sweepStarted, done, toCome, total, complete,
                zh, en, List.of());
    }

    /**
     * A year close's status.
     *
     * @param sweepStarted        the annual tables have seen the close and are carrying forward
     * @param carryForwardsDone   applications carried forward from the year so far
     * @param carryForwardsToCome applications open at the year's end not carried forward yet
     * @param complete            closed, and nothing left to carry forward
     */
    record Status(String agencyId, int year, boolean closed, LocalDate closedOn, Instant closedAt, String closedBy,
                  String reason, boolean sweepStarted, long carryForwardsDone, long carryForwardsToCome,
                  long carryForwardsTotal, boolean complete, String message, String messageEn,
                  List<YearEndChecklist.Item> checklist) {

        /** The same status with the checklist of what to look at before closing and publishing. */
        Status withChecklist(List<YearEndChecklist.Item> items) {
            return new Status(agencyId, year, closed, closedOn, closedAt, closedBy, reason, sweepStarted,
                    carryForwardsDone, carryForwardsToCome, carryForwardsTotal, complete, message, messageEn,
                    List.copyOf(items));
        }
    }
}
