package cn.gongkai.ledger.requests.write.notices;

import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import java.time.Instant;

/**
 * The text of one notice kind (for the answer letter: of one outcome) as an agency uses it. Version 0
 * is {@link DefaultTexts}; {@code changedBy} and {@code changedAt} are null for it.
 */
public record Template(NoticeKind kind, Outcome outcome, int version, String body, String changedBy,
                       Instant changedAt) {
}
