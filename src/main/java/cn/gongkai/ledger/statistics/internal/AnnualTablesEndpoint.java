package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.processing.ReadsProjection;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;

import cn.gongkai.ledger.access.AgencyDirectory;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.processing.ParkedLetters;
import cn.gongkai.ledger.statistics.AnnualTables;
import cn.gongkai.ledger.statistics.CountedApplication;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.ReconciliationFailure;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import cn.gongkai.ledger.statistics.Part4Source;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.PublishedDifference;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import cn.gongkai.ledger.statistics.export.AnnualTablesExporter;
import cn.gongkai.ledger.statistics.export.ExportFormat;
import cn.gongkai.ledger.statistics.export.ExportedFile;
import cn.gongkai.ledger.statistics.export.ExportedTables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/statistics/{year}}: part 三 of the acting user's agency, or of an agency below it,
 * alone or rolled up with everything below; the applications behind any cell; the year close.
 */
@RestController
@ReadsProjection({AnnualTablesProjection.PROCESSING_GROUP, AnnualTablesEndpoint.DISPUTE_TABLES})
@RequestMapping("/api/statistics/{year}")
class AnnualTablesEndpoint {

    /** The processing group that counts part 四 (module disputes). */
    static final String DISPUTE_TABLES = "dispute-tables";

    private final AnnualTables tables;
    private final AgencyDirectory agencies;
    private final CurrentActor currentActor;
    private final YearClose yearClose;
    private final Publications publications;
    private final CommandGateway commands;
    private final ObjectProvider<Part4Source> part4Source;
    private final AnnualTablesExporter exporter;
    private final ObjectProvider<ParkedLetters> parkedLetters;
    private final TablePublisher publisher;
    private final java.time.Clock clock;

    AnnualTablesEndpoint(AnnualTables tables, AgencyDirectory agencies, CurrentActor currentActor,
                         YearClose yearClose, Publications publications, CommandGateway commands,
                         ObjectProvider<Part4Source> part4Source, AnnualTablesExporter exporter,
                         ObjectProvider<ParkedLetters> parkedLetters, java.time.Clock clock, TablePublisher publisher) {
        this.clock = clock;
        this.publisher = publisher;
        this.exporter = exporter;
        this.parkedLetters = parkedLetters;
        this.tables = tables;
        this.agencies = agencies;
        this.currentActor = currentActor;
        this.yearClose = yearClose;
        this.publications = publications;
        this.commands = commands;
        this.part4Source = part4Source;
    }

    @Operation(summary = "年度报表 / The year's tables",
            description = "年度报告第三部分（收到和处理政府信息公开申请情况）和第四部分（行政复议、行政诉讼情况）；rollup=true 含下级机关。 / Parts 三 and 四 of the annual report; rollup=true adds the agencies below.")
    @ApiResponse(responseCode = "200", description = "年度报表 / the tables")
    @ApiResponse(responseCode = "404", description = "机关不存在 / no such agency")
    @GetMapping
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    TablesView tables(@PathVariable int year, @RequestParam(required = false) String agency,
                      @RequestParam(defaultValue = "false") boolean rollup) {
        Scope scope = scope(agency, rollup);
        Part3Table part3 = tables.part3(scope.agencyId(), scope.agencyIds(), year);
        Part3Table previous = tables.part3(scope.agencyId(), scope.agencyIds(), year - 1);
        return view(scope, year, rollup, part3, previous, null);
    }

    /** The tables as they stood at {@code at} (ISO instant or offset date-time), by recorded time. */
    @Operation(summary = "某一时刻的年度报表 / The tables as they stood at an instant",
            description = "at 为带时区偏移的 ISO-8601 时刻，如 2026-01-15T09:00:00+08:00。 / at is ISO-8601 with an offset.")
    @ApiResponse(responseCode = "200", description = "该时刻的年度报表 / the tables at that instant")
    @ApiResponse(responseCode = "404", description = "机关不存在 / no such agency")
    @GetMapping("/as-of")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    TablesView asOf(@PathVariable int year, @RequestParam OffsetDateTime at,
                    @RequestParam(required = false) String agency,
                    @RequestParam(defaultValue = "false") boolean rollup) {
        Scope scope = scope(agency, rollup);
        Instant instant = at.toInstant();
        Part3Table part3 = tables.part3AsOf(scope.agencyId(), scope.agencyIds(), year, instant);
        Part3Table previous = tables.part3AsOf(scope.agencyId(), scope.agencyIds(), year - 1, instant);
        return view(scope, year, rollup, part3, previous, instant);
    }

    /** The tables in the official layout: {@code format} json (with the codes), csv, xlsx or html. */
    @Operation(summary = "导出年度报表 / Export the tables",
            description = "format 为 JSON、CSV、XLSX 或 HTML。 / format is JSON, CSV, XLSX or HTML.")
    @ApiResponse(responseCode = "200", description = "报表文件 / the file")
    @ApiResponse(responseCode = "404", description = "机关不存在 / no such agency")
    @GetMapping("/export")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    ResponseEntity<byte[]> export(@PathVariable int year, @RequestParam ExportFormat format,
                                  @RequestParam(required = false) String agency,
                                  @RequestParam(defaultValue = "false") boolean rollup) {
        TablesView view = tables(year, agency, rollup);
        // the status lines: the figures are as of now, and the published version is the agency's own (a roll-up
        // is never published as such)
        ExportedTables.PublishedVersion published = rollup ? null : publications.latest(view.agencyId(), year)
                .map(p -> new ExportedTables.PublishedVersion(p.version(), p.publishedAt())).orElse(null);
        ExportedFile file = exporter.export(new ExportedTables(view.agencyId(), view.agencyName(), year, view.part3(),
                view.part4(), view.reconciliationFailures().stream().map(ReconciliationFailure::messageZh).toList(),
                view.asOf() != null ? view.asOf() : clock.instant(), published), format);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .body(file.content());
    }

    /** Publishes the closed year's report: the tables as they are now are recorded in the event. */
    @Operation(summary = "发布年度报告统计 / Publish the year's tables",
            description = "记录已发布的数值，此后的更正可由 publication-diff 查看。 / Later corrections show in publication-diff.")
    @ApiResponse(responseCode = "200", description = "已发布 / published")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: PublishAfterClose, NoEventsParked")
    @PostMapping("/publish")
    @PreAuthorize("hasRole('HEAD')")
    ResponseEntity<Published> publish(@PathVariable int year) {
        PublishReport published = publisher.published(currentActor.current().agencyId(), year);
        return ResponseEntity.ok(new Published(published.agencyId(), year, published.part3(), published.part4()));
    }

    /** Cell by cell, how today's tables differ from the latest published version, and why. */
    @Operation(summary = "与已发布报表的差异 / Changes since publication")
    @ApiResponse(responseCode = "200", description = "发布后变化的单元格 / the cells changed since publication")
    @ApiResponse(responseCode = "404", description = "本年度尚未发布 / the year is not published yet")
    @GetMapping("/publication-diff")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    ResponseEntity<PublicationDiff> publicationDiff(@PathVariable int year) {
        String agencyId = currentActor.current().agencyId();
        Publications.Published published = publications.latest(agencyId, year)
                .orElseThrow(() -> new NotFound("publication " + agencyId + ":" + year, "NoPublicationYet",
                        "本机关" + year + "年度报告尚未公布，没有可比较的已公布版本（请先公布：POST /api/statistics/"
                                + year + "/publish）",
                        "the " + year + " report of this agency has not been published yet, so there is no published"
                                + " version to compare with (publish it first: POST /api/statistics/" + year
                                + "/publish)"));
        List<PublishedDifference> differences = new ArrayList<>(
                publications.part3Differences(agencyId, published, tables.part3(agencyId, year)));
        Part4Source source = part4Source.getIfAvailable();
        differences.addAll(publications.part4Differences(published,
                part4(agencyId, List.of(agencyId), year, null).codes(),
                source == null ? List.of() : source.changesSince(agencyId, year, published.publishedAt())));
        return ResponseEntity.ok(new PublicationDiff(agencyId, year, published.version(), published.publishedAt(),
                published.publishedBy(), differences.isEmpty(), differences));
    }

    private TablesView view(Scope scope, int year, boolean rollup, Part3Table part3, Part3Table previous, Instant asOf) {
        List<ReconciliationFailure> failures = new ArrayList<>(tables.reconcile(scope.agencyIds(), part3, previous));
        Part4Table part4 = part4(scope.agencyId(), scope.agencyIds(), year, asOf);
        part4Source.ifAvailable(source -> failures.addAll(source.check(part4)));
        return new TablesView(scope.agencyId(), scope.agencyName(), year, part3.closed(), rollup, scope.agencyIds(),
                asOf, part3, part4, failures.isEmpty(), failures);
    }

    /** Part 四 of the agencies, labelled as {@code label}'s (the roll-up's root), now or as of an instant. */
    private Part4Table part4(String label, List<String> agencyIds, int year, Instant asOf) {
        Part4Source source = part4Source.getIfAvailable();
        if (source == null) {
            return Part4Table.empty(label, year);
        }
        Part4Table table = asOf == null ? source.part4(agencyIds, year) : source.part4AsOf(agencyIds, year, asOf);
        return new Part4Table(label, year, table.cells());
    }

    @Operation(summary = "单元格所计的申请 / The applications a cell counts",
            description = "第三部分某行某列计入的申请。 / The applications counted in one cell of part 三.")
    @ApiResponse(responseCode = "200", description = "所计的申请 / the applications counted")
    @ApiResponse(responseCode = "404", description = "行或列代码不存在 / no such row or column")
    @GetMapping("/cells/{row}/{column}")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    List<CountedApplication> cell(@PathVariable int year, @PathVariable TableRow row, @PathVariable TableColumn column,
                                  @RequestParam(required = false) String agency,
                                  @RequestParam(defaultValue = "false") boolean rollup) {
        return tables.applicationsIn(scope(agency, rollup).agencyIds(), year, row, column);
    }

    @Operation(summary = "年度结转 / Close the year",
            description = "受理年度结转：本年度未办结的申请结转至下年度继续办理，结转在后台完成。 / Accepted: the carry-forwards run in the background.")
    @ApiResponse(responseCode = "202", description = "已受理，结转在后台进行 / accepted: carry-forwards follow")
    @ApiResponse(responseCode = "404", description = "机关不存在 / no such agency")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: CloseAfterYearEnd, NoEventsParked")
    @PostMapping("/close")
    @PreAuthorize("hasRole('HEAD')")
    ResponseEntity<CloseAccepted> close(@PathVariable int year,
                                        @Valid @RequestBody(required = false) CloseBody body) {
        String agencyId = currentActor.current().agencyId();
        yearClose.close(agencyId, year, body == null ? null : body.reason());
        // the carry-forwards run after this answer: the Location says how far they have got
        return ResponseEntity.accepted().location(URI.create("/api/statistics/" + year + "/close"))
                .body(new CloseAccepted(agencyId, year, "年度已关闭，正在结转未办结申请（进度见 Location）",
                        "year closed; open applications are being carried forward (progress at Location)"));
    }

    /** Own agency or one below it; anything else does not exist for this user. */
    private Scope scope(String agency, boolean rollup) {
        String own = currentActor.current().agencyId();
        String agencyId = agency == null || agency.isBlank() ? own : agency;
        List<String> visible = agencies.subtree(own);
        if (!visible.contains(agencyId)) {
            throw new NotFound("agency " + agencyId);
        }
        String name = agencies.find(agencyId).map(a -> a.name()).orElse(agencyId);
        return new Scope(agencyId, name, rollup ? agencies.subtree(agencyId) : List.of(agencyId));
    }

    private record Scope(String agencyId, String agencyName, List<String> agencyIds) {
    }

    /** The tables of an agency-year; {@code asOf} is set when they are shown as they stood at a past instant. */
    record TablesView(String agencyId, String agencyName, int year, boolean closed, boolean rollup,
                      List<String> agencies, Instant asOf, Part3Table part3, Part4Table part4, boolean reconciled,
                      List<ReconciliationFailure> reconciliationFailures) {
    }

    record Published(String agencyId, int year, Map<String, Map<String, Long>> part3,
                     Map<String, Map<String, Long>> part4) {
    }

    record PublicationDiff(String agencyId, int year, int publishedVersion, Instant publishedAt, String publishedBy,
                           boolean unchanged, List<PublishedDifference> differences) {
    }

    record CloseAccepted(String agencyId, int year, String message, String messageEn) {
    }

    /** Optional: the head's reason for closing; without it the reason recorded is that the year has ended. */
    record CloseBody(@Size(max = 2000, message = TOO_LONG) String reason) {
    }
}
