package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.processing.ParkedLetters;
import cn.gongkai.ledger.statistics.AnnualTables;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Source;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.TablePublications;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records the tables as they stand as the published version ({@link PublishReport}): for the tables alone
 * ({@code POST /api/statistics/{year}/publish}) and for the whole report, which the report module publishes.
 */
@Component
class TablePublisher implements TablePublications {

    private final AnnualTables tables;
    private final ObjectProvider<Part4Source> part4Source;
    private final ObjectProvider<ParkedLetters> parkedLetters;
    private final CommandGateway commands;

    TablePublisher(AnnualTables tables, ObjectProvider<Part4Source> part4Source,
                   ObjectProvider<ParkedLetters> parkedLetters, CommandGateway commands) {
        this.tables = tables;
        this.part4Source = part4Source;
        this.parkedLetters = parkedLetters;
        this.commands = commands;
    }

    @Override
    public void publish(String agencyId, int year) {
        published(agencyId, year);
    }

    /** Publishes and answers the figures recorded. */
    PublishReport published(String agencyId, int year) {
        refuseWhileEventsAreParked(agencyId);
        Part3Table part3 = tables.part3(agencyId, year);
        Part4Source source = part4Source.getIfAvailable();
        Part4Table part4 = source == null ? Part4Table.empty(agencyId, year) : source.part4(List.of(agencyId), year);
        PublishReport command = new PublishReport(agencyId, year, part3.codes(), part4.codes());
        commands.sendAndWait(command);
        return command;
    }

    /**
     * A published report is an official document, frozen in its event: while an event of the agency
     * waits in the dead-letter queue of a processor that counts the tables (part 三's, part 四's),
     * the tables lack it, so nothing is published until an administrator has retried it.
     */
    private void refuseWhileEventsAreParked(String agencyId) {
        ParkedLetters letters = parkedLetters.getIfAvailable();
        if (letters != null && letters.anyParked(agencyId, AnnualTablesProjection.PROCESSING_GROUP,
                AnnualTablesEndpoint.DISPUTE_TABLES)) {
            throw new RuleViolation("NoEventsParked",
                    "本机关有事件未能计入统计表（停放在死信队列中），请管理员处理并重试后再发布年度报告",
                    "events of this agency are parked in a dead-letter queue of the statistics and are missing from"
                            + " the tables; an administrator retries them (/api/admin/dead-letters) before publishing");
        }
    }
}
