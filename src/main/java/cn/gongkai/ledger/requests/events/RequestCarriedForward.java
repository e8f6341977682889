package cn.gongkai.ledger.requests.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The application was still open at the end of {@code fromYear} and is carried into {@code toYear} (结转下年度继续办理). */
@Revision("1")
public record RequestCarriedForward(UUID requestId, int fromYear, int toYear) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return LocalDate.of(fromYear, 12, 31);
    }
}
