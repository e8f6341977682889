package cn.gongkai.ledger.disputes.write;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** What the disputes module needs to know about the application a case is about. */
public interface ApplicationLookup {

    /** The application with this id, of whichever agency; empty if there is none. */
    Optional<ApplicationOnFile> find(UUID requestId);

    /**
     * An application as the request register recorded it.
     *
     * @param concludedOn the day it was concluded (answered, withdrawn or lapsed), or null while open
     */
    record ApplicationOnFile(UUID requestId, String agencyId, String registrationNumber, LocalDate receivedOn,
                             LocalDate concludedOn) {

        public boolean concluded() {
            return concludedOn != null;
        }
    }
}
