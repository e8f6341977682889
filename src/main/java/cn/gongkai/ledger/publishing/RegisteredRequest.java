package cn.gongkai.ledger.publishing;

import java.util.UUID;

/** What every message of an application names besides its own event: the agency and the registration number. */
record RegisteredRequest(UUID requestId, String agencyId, String registrationNumber) {
}
