package cn.gongkai.ledger.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates are dates in Beijing time, whatever the server's time zone: a receipt on
 * 1 January at 00:30 in Shanghai belongs to the new year.
 */
public final class BusinessClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessClock() {
    }

    /** Today's business date on the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
