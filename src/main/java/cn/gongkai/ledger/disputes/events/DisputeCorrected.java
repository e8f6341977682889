package cn.gongkai.ledger.disputes.events;

import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.DisputeResult;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * What was recorded about the case was wrong, and a reviewer set it right: a compensating event,
 * never an edit of the filing or the decision. It restates the case in full as it stands after the
 * correction, so that a reader needs no earlier event to count it: the application it is about
 * ({@code requestId}, {@code registrationNumber}), its kind and filing date, case number and
 * authority, and its decision ({@code result}, {@code decidedOn} and {@code summary}, all null when
 * a decision recorded in error is taken back and the case is pending again).
 *
 * <p>{@code previousFiledOn} is the filing date before the correction: part 四 changes from the
 * earlier of the two years on. {@code reason} is why, {@code correctedOn} the business date.
 */
@Revision("1")
public record DisputeCorrected(
        UUID disputeId,
        UUID requestId,
        String agencyId,
        String registrationNumber,
        DisputeKind kind,
        LocalDate filedOn,
        String caseNumber,
        String authority,
        DisputeResult result,
        LocalDate decidedOn,
        String summary,
        LocalDate previousFiledOn,
        String reason,
        LocalDate correctedOn) implements DisputeEvent {

    @Override
    public LocalDate businessDate() {
        return correctedOn;
    }

    /** Whether the case is decided after the correction. */
    public boolean decided() {
        return result != null;
    }
}
