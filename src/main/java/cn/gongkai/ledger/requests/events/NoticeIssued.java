package cn.gongkai.ledger.requests.events;

import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A written notice was issued to the applicant (or, for a 征求意见函, to the party consulted), under
 * a 文号 of the agency's series for the year, never repeated or skipped. The rendered files are kept
 * encrypted with the application's personal-data key; their SHA-256 hashes stay here, so that the
 * letter sent can be proved even after the files became unreadable by an erasure.
 *
 * @param noticeId          the letter's own id
 * @param kind              which notice
 * @param outcome           for the answer letter, the approved draft's outcome (its legal basis follows from it); null otherwise
 * @param documentNumber    the 文号, e.g. 驻经开公开〔2026〕12号
 * @param templateVersion   the version of the agency's text for this kind (and outcome) used; 0 is the built-in text
 * @param letterheadVersion the version of the agency's letterhead (name, 文号 prefix, seal, remedies) used; 0 is the built-in one
 * @param sha256Docx        SHA-256 of the DOCX file, lower-case hex
 * @param sha256Pdf         SHA-256 of the PDF file, lower-case hex; null when no PDF was rendered
 * @param issuedBy          the user who issued it
 * @param issuedOn          the date printed on it (Beijing time)
 */
@Revision("1")
public record NoticeIssued(UUID requestId, UUID noticeId, NoticeKind kind, Outcome outcome, String documentNumber,
                           int templateVersion, int letterheadVersion, String sha256Docx, String sha256Pdf,
                           String issuedBy, LocalDate issuedOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return issuedOn;
    }
}
