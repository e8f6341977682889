package cn.gongkai.ledger.report;

import java.util.List;

/**
 * One finding of the publication gate: a named rule that does not hold, with what it is about — the cells
 * ({@code 三.RECEIVED.TOTAL}, {@code 二.NORMATIVE_DOCUMENTS_IN_FORCE}), the applications or cases (registration
 * numbers) and the sentence of the prose — so that staff can go straight to it.
 *
 * @param key          the rule and its subjects: what an acknowledgement of a warning names
 * @param acknowledged for a warning, the acknowledgement it has, or null
 */
public record GateFinding(String rule, Severity severity, String key, String messageZh, String messageEn,
                          List<String> cells, List<String> applications, String section, String sentence,
                          Acknowledgement acknowledged) {

    public GateFinding {
        cells = List.copyOf(cells);
        applications = List.copyOf(applications);
    }

    /** An error blocks publishing until fixed; a warning until acknowledged with a written explanation. */
    public enum Severity { ERROR, WARNING }

    /** Who acknowledged a warning, when, and their explanation. */
    public record Acknowledgement(String acknowledgedBy, java.time.Instant acknowledgedAt, String explanation) {
    }

    /** Whether this finding stops publishing as it stands. */
    public boolean blocks() {
        return severity == Severity.ERROR || acknowledged == null;
    }

    GateFinding acknowledgedBy(Acknowledgement acknowledgement) {
        return new GateFinding(rule, severity, key, messageZh, messageEn, cells, applications, section, sentence,
                acknowledgement);
    }
}
