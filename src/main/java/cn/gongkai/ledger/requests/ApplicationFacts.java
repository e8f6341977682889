package cn.gongkai.ledger.requests;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An application's facts as its own events state them now, without personal data: the one
 * description other modules get of an application ({@link Applications#facts}).
 *
 * @param registeredOn the day it was registered (may be after {@code receivedOn})
 * @param category     the applicant category, after any correction
 * @param concludedOn  the day it was concluded (answered, withdrawn or lapsed), or null while open
 * @param outcome      its outcome, after any correction; null while open
 */
public record ApplicationFacts(UUID requestId, String agencyId, String registrationNumber, ApplicantCategory category,
                               LocalDate receivedOn, LocalDate registeredOn, LocalDate concludedOn, Outcome outcome) {

    public boolean concluded() {
        return concludedOn != null;
    }

    /** {@link YearEnd#openAtEndOf} for this application. */
    public boolean openAtEndOf(int year) {
        return YearEnd.openAtEndOf(year, receivedOn, concludedOn);
    }
}
