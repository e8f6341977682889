package cn.gongkai.ledger.requests.events;

import cn.gongkai.ledger.requests.Outcome;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The applicant let a deadline pass without good reason: no correction ({@code OTHER_CORRECTION_NOT_SUBMITTED}) or no fee paid ({@code OTHER_FEE_NOT_PAID}); the agency no longer processes the application. */
@Revision("1")
public record RequestLapsed(UUID requestId, Outcome outcome, LocalDate concludedOn) implements RequestConcluded {

}
