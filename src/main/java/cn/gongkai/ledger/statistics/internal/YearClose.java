package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.AgencyDirectory;
import cn.gongkai.ledger.access.Correlation;
import cn.gongkai.ledger.platform.BusinessClock;
import java.time.Clock;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    YearClose(CommandGateway commands, AgencyDirectory agencies, Clock clock,
              @Value("${gongkai.year-close.automatic:false}") boolean automatic) {
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
            MetaData actor = MetaData.from(Actor.system("year-close", agency.id()).toMetaData());
            CloseYear close = new CloseYear(agency.id(), lastYear, CloseYear.yearEnded(lastYear) + "，系统自动关闭");
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(close).andMetaData(actor));
            log.info("year {} closed for agency {}", lastYear, agency.id());
        }));
    }
}
