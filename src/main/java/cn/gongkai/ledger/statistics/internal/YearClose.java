package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.AgencyDirectory;
import cn.gongkai.ledger.access.Correlation;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.processing.ParkedLetters;
import java.time.Clock;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes years: on the office head's command, and, when {@code gongkai.year-close.automatic} is
 * on, by itself every night after 31 December (Beijing time) for every agency whose previous year
 * is still open. Closing twice is harmless: a closed year stays closed, and carrying an application
 * forward twice from the same year does nothing.
 */
@Component
class YearClose {

    private static final Logger log = LoggerFactory.getLogger(YearClose.class);

    private final CommandGateway commands;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final boolean automatic;
    private final ObjectProvider<ParkedLetters> parkedLetters;

    YearClose(CommandGateway commands, AgencyDirectory agencies, Clock clock,
              @Value("${gongkai.year-close.automatic}") boolean automatic,
              ObjectProvider<ParkedLetters> parkedLetters) {
        this.parkedLetters = parkedLetters;
        this.commands = commands;
        this.agencies = agencies;
        this.clock = clock;
        this.automatic = automatic;
    }

    /**
     * Closes the year for the acting user's agency (the actor comes from the security context);
     * without a reason of the head's own, the reason is that the year has ended.
     */
    void close(String agencyId, int year, String reason) {
        String why = reason == null || reason.isBlank() ? CloseYear.yearEnded(year) : reason.strip();
        if (eventsParked(agencyId)) {
            throw new RuleViolation("NoEventsParked",
                    "本机关有事件未能计入统计表（停放在死信队列中），请管理员处理并重试后再关闭年度",
                    "events of this agency are parked in a dead-letter queue of the statistics; an administrator"
                            + " retries them (/api/admin/dead-letters) before the year is closed");
        }
        commands.sendAndWait(new CloseYear(agencyId, year, why));
    }

    @Scheduled(cron = "0 30 0 * * *", zone = "Asia/Shanghai")
    void closeLastYearEverywhere() {
        if (!automatic) {
            return;
        }
        int lastYear = BusinessClock.today(clock).getYear() - 1;
        // one run, one correlation id: the closes and every carry-forward they cause share it
        Correlation.runJob(() -> agencies.all().forEach(agency -> {
            if (eventsParked(agency.id())) {
                log.error("year {} not closed for agency {}: events of the agency are parked in a dead-letter queue"
                        + " of the statistics (GET /api/admin/dead-letters); tried again tomorrow", lastYear, agency.id());
                return;
            }
            MetaData actor = MetaData.from(Actor.system("year-close", agency.id()).toMetaData());
            CloseYear close = new CloseYear(agency.id(), lastYear, CloseYear.yearEnded(lastYear) + "，系统自动关闭");
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(close).andMetaData(actor));
            log.info("year {} closed for agency {}", lastYear, agency.id());
        }));
    }

    /**
     * Whether an event of the agency waits in the dead-letter queue of a processor that counts the
     * tables. The close's carry-forward sweep reads which applications were open at the year's end
     * from {@code annual-tables}' view: a parked conclusion would carry forward an application
     * concluded in time, so the year is closed only once those queues hold nothing of the agency.
     */
    private boolean eventsParked(String agencyId) {
        ParkedLetters letters = parkedLetters.getIfAvailable();
        return letters != null && letters.anyParked(agencyId, AnnualTablesProjection.PROCESSING_GROUP, "dispute-tables",
                YearEndSweep.PROCESSING_GROUP);
    }
}
