package cn.gongkai.ledger.report;

import cn.gongkai.ledger.access.AgencyDirectory;
import cn.gongkai.ledger.access.Agency;
import cn.gongkai.ledger.disputes.DisputeCase;
import cn.gongkai.ledger.disputes.DisputeTables;
import cn.gongkai.ledger.report.events.AnnualReportPublished;
import cn.gongkai.ledger.statistics.AnnualTables;
import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Table;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The annual report of an agency-year as the rest of the service sees it: the resolved {@link ReportDocument}
 * as it stands or as a version was published, the publication gate, and what staff recorded. The integrator's
 * renderers (HTML, DOCX, PDF) take the documents from here.
 */
@Service
public class AnnualReports {

    private final ReportHistory history;
    private final AnnualTables tables;
    private final DisputeTables disputes;
    private final AgencyDirectory agencies;
    private final ReportFacts facts;
    private final JsonMapper json;
    private final Clock clock;

    AnnualReports(ReportHistory history, AnnualTables tables, DisputeTables disputes, AgencyDirectory agencies,
                  ReportFacts facts, JsonMapper json, Clock clock) {
        this.history = history;
        this.tables = tables;
        this.disputes = disputes;
        this.agencies = agencies;
        this.facts = facts;
        this.json = json;
        this.clock = clock;
    }

    /** What staff recorded for the agency-year: part 二, the prose versions, acknowledgements, publications. */
    public ReportRecord record(String agencyId, int year) {
        return history.read(agencyId, year);
    }

    /** The document as it stands now, in {@code template}'s layout; prose figures resolved against today's tables. */
    public ReportDocument current(String agencyId, int year, TemplateVersion template) {
        ReportRecord report = record(agencyId, year);
        return document(report, figures(agencyId, year, report), template);
    }

    /** Version {@code version} exactly as it was published, or empty if there is no such version. */
    public Optional<ReportDocument> published(String agencyId, int year, int version) {
        return record(agencyId, year).publications().stream()
                .filter(p -> p.event().version() == version)
                .findFirst()
                .map(this::thaw);
    }

    /** Every published version, oldest first, as published. */
    public List<ReportDocument> publishedVersions(String agencyId, int year) {
        return record(agencyId, year).publications().stream().map(this::thaw).toList();
    }

    /** The publication gate as it stands: errors first, warnings with their acknowledgements. */
    public GateResult gate(String agencyId, int year) {
        ReportRecord report = record(agencyId, year);
        return gate(report, figures(agencyId, year, report));
    }

    /** The service's first draft of the sections it can write, with placeholders bound to the cells. */
    public Map<ProseSection, String> firstDraft(String agencyId, int year) {
        return FirstDraft.write(figures(agencyId, year, record(agencyId, year)));
    }

    /** A stored prose text with its placeholders resolved against today's tables. */
    public String resolve(String agencyId, int year, String text) {
        return figures(agencyId, year, record(agencyId, year)).resolve(text);
    }

    /** The placeholders of a text that name no figure: a text with any is refused. */
    public static List<String> unknownPlaceholders(String text) {
        return BoundFigures.unknownPlaceholders(text);
    }

    /**
     * Everything a publication freezes, read together: the record (with its event count), the gate and the
     * document as it stands.
     */
    public Snapshot snapshot(String agencyId, int year, TemplateVersion template) {
        ReportRecord report = record(agencyId, year);
        BoundFigures figures = figures(agencyId, year, report);
        return new Snapshot(report, gate(report, figures), document(report, figures, template));
    }

    /** A document as frozen in an {@link AnnualReportPublished} event. */
    public String freeze(ReportDocument document) {
        return json.writeValueAsString(document);
    }

    /** The record, gate and document read together for a publication. */
    public record Snapshot(ReportRecord report, GateResult gate, ReportDocument document) {
    }

    private ReportDocument thaw(ReportRecord.PublishedVersion published) {
        AnnualReportPublished event = published.event();
        ReportDocument frozen = json.readValue(event.document(), ReportDocument.class);
        return new ReportDocument(frozen.agencyName(), frozen.year(), frozen.template(), frozen.part1(),
                frozen.part2(), frozen.part3(), frozen.part4(), frozen.part5(), frozen.part6(), frozen.dataAsOf(),
                Optional.of(new ReportDocument.Publication(event.version(), published.recordedAt(),
                        event.publishedBy(), Optional.ofNullable(event.changeNote()))));
    }

    private GateResult gate(ReportRecord report, BoundFigures figures) {
        String agencyId = report.agencyId();
        int year = report.year();
        Part3Table previous = tables.part3(agencyId, year - 1);
        ReportRecord before = record(agencyId, year - 1);
        Map<Part2Figure, BigDecimal> previousPart2 = before.part2().isEmpty() ? null : before.part2Values();
        List<String> undecided = new ArrayList<>();
        for (DisputeGroup group : DisputeGroup.values()) {
            for (DisputeCase pending : disputes.cases(agencyId, year, group, DisputeColumn.PENDING)) {
                undecided.add(pending.registrationNumber() + "（" + pending.kind().label() + "）");
            }
        }
        return PublicationGate.check(new PublicationGate.Inputs(report, figures, figures.part3().closed(),
                tables.reconcile(List.of(agencyId), figures.part3(), previous), disputes.check(figures.part4()),
                previousPart2, facts.draftsAwaitingApprovalAtYearEnd(agencyId, year),
                facts.unsettledFeeNotices(agencyId, year), undecided,
                facts.overdueWithoutExtension(agencyId, year)), clock.instant());
    }

    private BoundFigures figures(String agencyId, int year, ReportRecord report) {
        String name = agencies.find(agencyId).map(Agency::name).orElse(agencyId);
        return new BoundFigures(name, year, tables.part3(agencyId, year), disputes.part4(agencyId, year),
                report.part2Values(), facts.feesCollectedFen(agencyId, year));
    }

    private ReportDocument document(ReportRecord report, BoundFigures figures, TemplateVersion template) {
        List<ReportDocument.Section> part1 = new ArrayList<>();
        for (ProseSection section : ProseSection.values()) {
            if ("一".equals(section.part())) {
                part1.add(new ReportDocument.Section(section.heading(), paragraphs(report, figures, section)));
            }
        }
        Map<Part2Figure, BigDecimal> values = figures.part2();
        ReportDocument.Part2 part2 = new ReportDocument.Part2(
                documents(values, Part2Figure.REGULATIONS_ISSUED, Part2Figure.REGULATIONS_REPEALED,
                        Part2Figure.REGULATIONS_IN_FORCE),
                documents(values, Part2Figure.NORMATIVE_DOCUMENTS_ISSUED, Part2Figure.NORMATIVE_DOCUMENTS_REPEALED,
                        Part2Figure.NORMATIVE_DOCUMENTS_IN_FORCE),
                count(values, Part2Figure.LICENSING), count(values, Part2Figure.PENALTIES),
                count(values, Part2Figure.ENFORCEMENT), Optional.ofNullable(values.get(Part2Figure.FEES)));
        return new ReportDocument(figures.agencyName(), report.year(), template, part1, part2, figures.part3(),
                figures.part4(), paragraphs(report, figures, ProseSection.PART5),
                paragraphs(report, figures, ProseSection.PART6), clock.instant(), Optional.empty());
    }

    private static List<String> paragraphs(ReportRecord report, BoundFigures figures, ProseSection section) {
        String text = report.latest(section).map(ReportRecord.ProseVersion::text).orElse("");
        return Arrays.stream(figures.resolve(text).split("\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static ReportDocument.Documents documents(Map<Part2Figure, BigDecimal> values, Part2Figure issued,
                                                      Part2Figure repealed, Part2Figure inForce) {
        return new ReportDocument.Documents(count(values, issued), count(values, repealed), count(values, inForce));
    }

    private static Optional<Long> count(Map<Part2Figure, BigDecimal> values, Part2Figure figure) {
        return Optional.ofNullable(values.get(figure)).map(BigDecimal::longValueExact);
    }
}
