package cn.gongkai.ledger.disputes.events;

import java.time.LocalDate;
import java.util.UUID;

/** Something that happened to one reconsideration or litigation case. Who did it lives in the metadata. */
public sealed interface DisputeEvent permits DisputeFiled, DisputeDecided, DisputeCorrected, DisputeWithdrawn {

    UUID disputeId();

    /** The application the case is about. */
    UUID requestId();

    String agencyId();

    /** The business date on which it happened (Beijing time), as opposed to when it was recorded. */
    LocalDate businessDate();
}
