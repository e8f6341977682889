package cn.gongkai.ledger.requests.events;

import cn.gongkai.ledger.requests.Outcome;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The approved answer was given to the applicant: the application is concluded with the draft's outcome. */
@Revision("1")
public record RequestAnswered(UUID requestId, int draftNumber, Outcome outcome, LocalDate concludedOn) implements RequestConcluded {

}
