package cn.gongkai.ledger.requests;

import java.util.Optional;
import java.util.UUID;

/** The workings of an application's answer deadline, for the API and the pages. */
public interface RequestDeadlineWorkings {

    /**
     * The workings of application {@code requestId} on the current calendar, read from its events
     * (current the moment a command returns); empty if there is no such application in agency
     * {@code agencyId}.
     */
    Optional<DeadlineWorkings> of(UUID requestId, String agencyId);
}
