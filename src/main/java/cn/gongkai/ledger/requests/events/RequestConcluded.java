package cn.gongkai.ledger.requests.events;

import cn.gongkai.ledger.requests.Outcome;
import java.time.LocalDate;

/** An application came to its end, with exactly one of the outcome codes; it counts in the year of {@link #concludedOn()}. */
public sealed interface RequestConcluded extends RequestEvent permits RequestAnswered, RequestWithdrawn, RequestLapsed {

    Outcome outcome();

    LocalDate concludedOn();

    @Override
    default LocalDate businessDate() {
        return concludedOn();
    }
}
