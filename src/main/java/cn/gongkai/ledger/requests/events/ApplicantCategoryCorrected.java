package cn.gongkai.ledger.requests.events;

import cn.gongkai.ledger.requests.ApplicantCategory;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The applicant's category was wrong and is corrected after the fact. */
@Revision("1")
public record ApplicantCategoryCorrected(UUID requestId, ApplicantCategory previousCategory, ApplicantCategory correctedCategory, String reason, String correctedBy, LocalDate correctedOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return correctedOn;
    }
}
