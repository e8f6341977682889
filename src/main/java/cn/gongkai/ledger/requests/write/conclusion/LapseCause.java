package cn.gongkai.ledger.requests.write.conclusion;

import cn.gongkai.ledger.requests.Outcome;

/** Why an application lapsed, and the outcome row it is counted in. */
public enum LapseCause {
    CORRECTION_NOT_SUBMITTED(Outcome.OTHER_CORRECTION_NOT_SUBMITTED),
    FEE_NOT_PAID(Outcome.OTHER_FEE_NOT_PAID);

    private final Outcome outcome;

    LapseCause(Outcome outcome) {
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
