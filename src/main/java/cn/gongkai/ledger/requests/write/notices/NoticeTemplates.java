package cn.gongkai.ledger.requests.write.notices;

import cn.gongkai.ledger.access.AgencyDirectory;
import cn.gongkai.ledger.access.Agency;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The agencies' letterheads and notice texts, each change a new version (append-only rows with who
 * and when): a letter records the versions it was rendered with, so the text it was rendered from
 * can always be shown again. Without a change of its own, an agency uses version 0: the built-in
 * texts and a letterhead derived from the agency directory.
 */
@Component
public class NoticeTemplates {

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final Clock clock;

    NoticeTemplates(JdbcClient jdbc, AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** The agency's current letterhead. */
    public Letterhead letterhead(String agencyId) {
        return jdbc.sql("""
                        select version, agency_name, number_prefix, seal_text, reconsideration_authority, court,
                               changed_by, changed_at
                        from notice_letterhead where agency_id = :agency order by version desc limit 1""")
                .param("agency", agencyId)
                .query((rs, n) -> new Letterhead(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .optional()
                .orElseGet(() -> defaultLetterhead(agencyId));
    }

    private Letterhead defaultLetterhead(String agencyId) {
        Agency agency = agencies.find(agencyId).orElse(new Agency(agencyId, agencyId, null));
        String authority = agency.parentId() == null ? "上一级行政机关"
                : agencies.find(agency.parentId()).map(Agency::name).orElse("上一级行政机关");
        return new Letterhead(0, agency.name(), agency.name() + "依申请公开", agency.name(), authority,
                "有管辖权的人民法院", null, null);
    }

    /** The agency's current text of {@code kind} (for the answer letter, of {@code outcome}). */
    public Template template(String agencyId, NoticeKind kind, Outcome outcome) {
        Outcome key = kind == NoticeKind.ANSWER ? outcome : null;
        return jdbc.sql("""
                        select version, body, changed_by, changed_at from notice_template
                        where agency_id = :agency and kind = :kind and outcome = :outcome
                        order by version desc limit 1""")
                .param("agency", agencyId).param("kind", kind.name()).param("outcome", key == null ? "" : key.name())
                .query((rs, n) -> new Template(kind, key, rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional()
                .orElseGet(() -> new Template(kind, key, 0, DefaultTexts.of(kind, key), null, null));
    }

    /** Every text the agency uses now: each kind, and the answer letter once per answer outcome. */
    public List<Template> all(String agencyId) {
        List<Template> templates = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            if (kind == NoticeKind.ANSWER) {
                for (Outcome outcome : Outcome.values()) {
                    templates.add(template(agencyId, kind, outcome));
                }
            } else {
                templates.add(template(agencyId, kind, null));
            }
        }
        return templates;
    }

    /** A new version of the agency's letterhead. */
    public Letterhead changeLetterhead(String agencyId, String agencyName, String numberPrefix, String sealText,
                                       String reconsiderationAuthority, String court, String changedBy) {
        int version = letterhead(agencyId).version() + 1;
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                            insert into notice_letterhead (agency_id, version, agency_name, number_prefix, seal_text,
                                reconsideration_authority, court, changed_by, changed_at)
                            values (:agency, :version, :name, :prefix, :seal, :authority, :court, :by, :at)""")
                    .param("agency", agencyId).param("version", version).param("name", agencyName)
                    .param("prefix", numberPrefix).param("seal", sealText).param("authority", reconsiderationAuthority)
                    .param("court", court).param("by", changedBy).param("at", Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictingModificationException("the letterhead was changed at the same time");
        }
        return new Letterhead(version, agencyName, numberPrefix, sealText, reconsiderationAuthority, court,
                changedBy, now);
    }

    /**
     * A new version of a text. Every {@code {{占位符}}} must be one the letters fill
     * ({@link Placeholders#NAMES}); anything else is refused naming the field.
     */
    public Template changeTemplate(String agencyId, NoticeKind kind, Outcome outcome, String body, String changedBy) {
        Outcome key = kind == NoticeKind.ANSWER ? outcome : null;
        if (kind == NoticeKind.ANSWER && outcome == null) {
            throw new InputRejected(FieldProblem.of("outcome", "答复书的文本须指明办理结果",
                    "the answer letter's text is per outcome: name it"));
        }
        List<String> unknown = Placeholders.unknownIn(body);
        if (!unknown.isEmpty()) {
            throw new InputRejected(FieldProblem.of("templateText", "未知的占位符：" + String.join("、", unknown)
                    + "；可用：" + String.join("、", Placeholders.NAMES), "unknown placeholders: " + unknown));
        }
        int version = template(agencyId, kind, key).version() + 1;
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                            insert into notice_template (agency_id, kind, outcome, version, body, changed_by, changed_at)
                            values (:agency, :kind, :outcome, :version, :body, :by, :at)""")
                    .param("agency", agencyId).param("kind", kind.name())
                    .param("outcome", key == null ? "" : key.name()).param("version", version).param("body", body)
                    .param("by", changedBy).param("at", Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictingModificationException("the text was changed at the same time");
        }
        return new Template(kind, key, version, body, changedBy, now);
    }
}
