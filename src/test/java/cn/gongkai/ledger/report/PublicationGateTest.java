package cn.gongkai.ledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.ReconciliationFailure;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's rules on inputs the API cannot produce (a table that does not reconcile), and the prose checks. */
class PublicationGateTest {

    private static final Part3Table SIX_RECEIVED = Part3Table.builder("kaifaqu", 2021, true)
            .set(TableRow.RECEIVED, TableColumn.TOTAL, 6)
            .set(TableRow.RESOLVED_TOTAL, TableColumn.TOTAL, 5)
            .set(TableRow.CARRIED_FORWARD, TableColumn.TOTAL, 1)
            .build();

    @Test
    void aReconciliationFailureIsAnErrorNamingItsCellsAndApplications() {
        ReconciliationFailure failure = new ReconciliationFailure("BalancePerColumn", "总计列不平", "TOTAL does not balance",
                List.of("RECEIVED/TOTAL", "CARRIED_FORWARD/TOTAL"), List.of("开发区〔2021〕3号"));
        GateResult gate = PublicationGate.check(inputs(List.of(failure)), Instant.EPOCH);
        GateFinding finding = gate.errors().stream().filter(f -> f.rule().equals("TablesReconcile")).findFirst()
                .orElseThrow();
        assertThat(finding.cells()).containsExactly("三.RECEIVED.TOTAL", "三.CARRIED_FORWARD.TOTAL");
        assertThat(finding.applications()).containsExactly("开发区〔2021〕3号");
        assertThat(finding.messageZh()).contains("BalancePerColumn", "总计列不平");
        assertThat(gate.passes()).isFalse();
    }

    @Test
    void typedFiguresAreCheckedAgainstTheirCellsAndBoundOnesAreNot() {
        BoundFigures figures = figures();
        List<ProseFigures.Contradiction> found = ProseFigures.check(ProseSection.PART1_REQUESTS,
                "2021年，开发区管委会共收到17件政府信息公开申请，办结5件，转下一年度办理{{三.CARRIED_FORWARD.TOTAL}}件。"
                        + "收到行政复议申请2件。", figures);
        assertThat(found).extracting(ProseFigures.Contradiction::cell)
                .containsExactly("三.RECEIVED.TOTAL", "四.RECONSIDERATION.TOTAL");
        assertThat(found.getFirst().sentence()).isEqualTo("2021年，开发区管委会共收到17件政府信息公开申请，办结5件，转下一年度办理1件。");
        assertThat(ProseFigures.check(ProseSection.PART6, "2021年度开发区管委会未收取信息处理费。", figures)).isEmpty();
    }

    @Test
    void theFirstDraftReadsLikeTheSeedReport() {
        BoundFigures figures = figures();
        String text = figures.resolve(FirstDraft.write(figures).get(ProseSection.PART1_REQUESTS));
        assertThat(text).startsWith("2021年，驻马店经济开发区管委会共收到6件政府信息公开申请，并按规定程序进行了办理，办结5件，"
                + "转下一年度办理1件，未发生因办理情况引起的行政复议和行政诉讼。");
        assertThat(figures.resolve(FirstDraft.write(figures).get(ProseSection.PART6)))
                .isEqualTo("2021年度驻马店经济开发区管委会未收取信息处理费。");
        assertThat(BoundFigures.unknownPlaceholders("{{三.RECEIVED.TOTAL}}{{三.NOPE.TOTAL}}{{句.复议诉讼}}"))
                .containsExactly("{{三.NOPE.TOTAL}}");
    }

    private static BoundFigures figures() {
        return new BoundFigures("驻马店经济开发区管委会", 2021, SIX_RECEIVED, Part4Table.empty("kaifaqu", 2021),
                Map.of(Part2Figure.FEES, new BigDecimal("1165.5066")), 0);
    }

    private static PublicationGate.Inputs inputs(List<ReconciliationFailure> failures) {
        ReportRecord empty = new ReportRecord("kaifaqu", 2021, 0, Map.of(), List.of(), Map.of(), Map.of(), List.of());
        return new PublicationGate.Inputs(empty, figures(), true, failures, List.of(), null, List.of(), List.of(),
                List.of(), List.of());
    }
}
