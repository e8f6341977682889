package cn.gongkai.ledger.statistics;

import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Outcome;
import java.time.LocalDate;
import java.util.UUID;

/** An application as the tables count it: the provenance of a cell. No personal data. */
public record CountedApplication(UUID requestId, String agencyId, String registrationNumber,
                                 ApplicantCategory applicantCategory, LocalDate receivedOn, LocalDate concludedOn,
                                 Outcome outcome) {
}
