package cn.gongkai.ledger.report;

import java.time.Instant;
import java.util.List;

/**
 * The publication gate of one agency-year: every finding, errors first. The report may be published when
 * {@link #passes()}: no error and every warning acknowledged.
 */
public record GateResult(String agencyId, int year, Instant checkedAt, List<GateFinding> findings) {

    public GateResult {
        findings = List.copyOf(findings);
    }

    public boolean passes() {
        return findings.stream().noneMatch(GateFinding::blocks);
    }

    public List<GateFinding> errors() {
        return findings.stream().filter(f -> f.severity() == GateFinding.Severity.ERROR).toList();
    }

    public List<GateFinding> warnings() {
        return findings.stream().filter(f -> f.severity() == GateFinding.Severity.WARNING).toList();
    }
}
