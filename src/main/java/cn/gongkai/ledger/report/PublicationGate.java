package cn.gongkai.ledger.report;

import cn.gongkai.ledger.report.GateFinding.Severity;
import cn.gongkai.ledger.statistics.ReconciliationFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The publication gate's rules over what is known of an agency-year, as a plain function: errors block
 * publishing until fixed, warnings until the office head acknowledges each in writing. Every finding names
 * its cells, its applications or its sentence.
 *
 * <p>Errors: {@code YearClosedBeforePublication}, {@code TablesReconcile}, {@code Part2Complete},
 * {@code Part2RollsForward}, {@code ProseWritten}, {@code ProseFiguresMatchTables}. Warnings:
 * {@code NoDraftAwaitingApprovalAtYearEnd}, {@code NoUnsettledFeeNotice}, {@code NoUndecidedDispute},
 * {@code NoOverdueApplicationWithoutExtension}, {@code Part2RollForwardCheckable}.
 */
final class PublicationGate {

    private PublicationGate() {
    }

    /** What the gate looks at. {@code previousPart2} is null when the service knows nothing of Y−1's part 二. */
    record Inputs(ReportRecord report, BoundFigures figures, boolean yearClosed,
                  List<ReconciliationFailure> reconciliationFailures, List<ReconciliationFailure> part4Failures,
                  Map<Part2Figure, BigDecimal> previousPart2, List<String> draftsAwaitingApproval,
                  List<String> unsettledFeeNotices, List<String> undecidedDisputes,
                  List<String> overdueWithoutExtension) {
    }

    static GateResult check(Inputs in, Instant now) {
        List<GateFinding> findings = new ArrayList<>();
        int year = in.report().year();
        if (!in.yearClosed()) {
            findings.add(error("YearClosedBeforePublication", "YearClosedBeforePublication",
                    year + "年度尚未结转，表三仍可能变化：请先关闭年度并等待结转完成",
                    "year " + year + " is not closed: close it and wait for the carry-forwards first",
                    List.of("三.CARRIED_FORWARD.TOTAL"), List.of(), null, null));
        }
        for (ReconciliationFailure failure : in.reconciliationFailures()) {
            findings.add(error("TablesReconcile", "TablesReconcile:" + failure.rule() + ":" + failure.cells(),
                    "表三勾稽关系不成立（" + failure.rule() + "）：" + failure.messageZh(),
                    "part 3 does not reconcile (" + failure.rule() + "): " + failure.messageEn(),
                    failure.cells().stream().map(c -> "三." + c.replace('/', '.')).toList(),
                    failure.registrationNumbers(), null, null));
        }
        for (ReconciliationFailure failure : in.part4Failures()) {
            findings.add(error("TablesReconcile", "TablesReconcile:" + failure.rule() + ":" + failure.cells(),
                    "表四勾稽关系不成立（" + failure.rule() + "）：" + failure.messageZh(),
                    "part 4 does not reconcile (" + failure.rule() + "): " + failure.messageEn(),
                    failure.cells().stream().map(c -> "四." + c.replace('/', '.')).toList(),
                    failure.registrationNumbers(), null, null));
        }
        part2(in, findings, year);
        prose(in, findings);
        warning(findings, in, "NoDraftAwaitingApprovalAtYearEnd", in.draftsAwaitingApproval(),
                year + "年12月31日仍有答复草稿待审核的申请：",
                "applications with an answer draft awaiting approval on 31 December " + year + ": ");
        warning(findings, in, "NoUnsettledFeeNotice", in.unsettledFeeNotices(),
                "已发出收费通知、既未缴费也未减免的申请：", "fee notices neither paid nor waived: ");
        warning(findings, in, "NoUndecidedDispute", in.undecidedDisputes(),
                year + "年底尚未审结的行政复议、行政诉讼案件（所涉申请）：",
                "reconsideration or litigation filed and not decided at the end of " + year + " (applications): ");
        warning(findings, in, "NoOverdueApplicationWithoutExtension", in.overdueWithoutExtension(),
                year + "年12月31日已超过答复期限且未延期的申请：",
                "applications overdue on 31 December " + year + " without an extension: ");
        findings.sort(Comparator.comparing(GateFinding::severity));
        return new GateResult(in.report().agencyId(), year, now, findings);
    }

    private static void part2(Inputs in, List<GateFinding> findings, int year) {
        Map<Part2Figure, BigDecimal> part2 = in.figures().part2();
        for (Part2Figure figure : Part2Figure.values()) {
            if (!part2.containsKey(figure)) {
                findings.add(error("Part2Complete", "Part2Complete:" + figure,
                        "第二部分“" + figure.label() + "”尚未填报", "part 2 " + figure + " has not been entered",
                        List.of("二." + figure), List.of(), null, null));
            }
        }
        rollForward(in, findings, year, Part2Figure.REGULATIONS_ISSUED, Part2Figure.REGULATIONS_REPEALED,
                Part2Figure.REGULATIONS_IN_FORCE);
        rollForward(in, findings, year, Part2Figure.NORMATIVE_DOCUMENTS_ISSUED,
                Part2Figure.NORMATIVE_DOCUMENTS_REPEALED, Part2Figure.NORMATIVE_DOCUMENTS_IN_FORCE);
    }

    /** 现行有效(Y) = 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y), where Y−1's is known. */
    private static void rollForward(Inputs in, List<GateFinding> findings, int year, Part2Figure issued,
                                    Part2Figure repealed, Part2Figure inForce) {
        Map<Part2Figure, BigDecimal> part2 = in.figures().part2();
        if (!part2.containsKey(issued) || !part2.containsKey(repealed) || !part2.containsKey(inForce)) {
            return;
        }
        BigDecimal before = in.previousPart2() == null ? null : in.previousPart2().get(inForce);
        List<String> cells = List.of("二." + inForce, "二." + issued, "二." + repealed,
                (year - 1) + ":二." + inForce);
        if (before == null) {
            GateFinding finding = new GateFinding("Part2RollForwardCheckable", Severity.WARNING,
                    "Part2RollForwardCheckable:" + inForce,
                    (year - 1) + "年度的“" + inForce.label() + "”未在本系统中填报，无法核对：现行有效(" + year + ") = 现行有效("
                            + (year - 1) + ") + 本年制发 − 本年废止",
                    inForce + " of " + (year - 1) + " is not known here, so the roll-forward cannot be checked",
                    cells, List.of(), null, null, null);
            findings.add(acknowledged(finding, in));
            return;
        }
        BigDecimal expected = before.add(part2.get(issued)).subtract(part2.get(repealed));
        if (expected.compareTo(part2.get(inForce)) != 0) {
            findings.add(error("Part2RollsForward", "Part2RollsForward:" + inForce,
                    "第二部分“" + inForce.label() + "”为" + part2.get(inForce) + "，但上年现行有效" + before + " + 本年制发"
                            + part2.get(issued) + " − 本年废止" + part2.get(repealed) + " = " + expected,
                    "part 2 " + inForce + " is " + part2.get(inForce) + ", but " + before + " (" + (year - 1)
                            + ") + " + part2.get(issued) + " issued − " + part2.get(repealed) + " repealed = " + expected,
                    cells, List.of(), null, null));
        }
    }

    private static void prose(Inputs in, List<GateFinding> findings) {
        for (ProseSection section : ProseSection.values()) {
            String text = in.report().latest(section).map(ReportRecord.ProseVersion::text).orElse("");
            if (text.isBlank()) {
                findings.add(error("ProseWritten", "ProseWritten:" + section,
                        "“" + section.heading() + "”尚未撰写", "the section " + section + " has not been written",
                        List.of(), List.of(), section.name(), null));
                continue;
            }
            for (ProseFigures.Contradiction c : ProseFigures.check(section, text, in.figures())) {
                findings.add(error("ProseFiguresMatchTables", "ProseFiguresMatchTables:" + section + ":" + c.cell()
                                + ":" + c.typed(),
                        "“" + section.heading() + "”中“" + c.sentence() + "”写“" + c.typed() + "”，与" + c.cellLabel()
                                + "（" + c.table() + "）不符",
                        "in " + section + ", the sentence \"" + c.sentence() + "\" says " + c.typed() + ", but "
                                + c.cell() + " is " + c.table(),
                        List.of(c.cell()), List.of(), section.name(), c.sentence()));
            }
        }
    }

    private static void warning(List<GateFinding> findings, Inputs in, String rule, List<String> applications,
                                String zh, String en) {
        if (applications.isEmpty()) {
            return;
        }
        String list = String.join("、", applications);
        findings.add(acknowledged(new GateFinding(rule, Severity.WARNING, rule + ":" + String.join(",", applications),
                zh + list, en + String.join(", ", applications), List.of(), applications, null, null, null), in));
    }

    private static GateFinding acknowledged(GateFinding finding, Inputs in) {
        GateFinding.Acknowledgement ack = in.report().acknowledgements().get(finding.key());
        return ack == null ? finding : finding.acknowledgedBy(ack);
    }

    private static GateFinding error(String rule, String key, String zh, String en, List<String> cells,
                                     List<String> applications, String section, String sentence) {
        return new GateFinding(rule, Severity.ERROR, key, zh, en, cells, applications, section, sentence, null);
    }
}
