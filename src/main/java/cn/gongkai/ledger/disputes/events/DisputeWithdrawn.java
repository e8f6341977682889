package cn.gongkai.ledger.disputes.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The case should never have been recorded (filed in error, or twice), and a reviewer withdrew it
 * (撤销登记): from now on it counts nowhere, while its earlier events stay in the store. An
 * applicant who withdraws a reconsideration or lawsuit is not this: that case is decided with
 * {@code OTHER} (其他结果).
 *
 * <p>{@code filedOn} is the filing date the case had until then: part 四 changes from that year
 * on. {@code reason} is why, {@code withdrawnOn} the business date.
 */
@Revision("1")
public record DisputeWithdrawn(
        UUID disputeId,
        UUID requestId,
        String agencyId,
        LocalDate filedOn,
        String reason,
        LocalDate withdrawnOn) implements DisputeEvent {

    @Override
    public LocalDate businessDate() {
        return withdrawnOn;
    }
}
