package cn.gongkai.ledger.report.internal;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;

import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.IfMatch;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.processing.ReadsProjection;
import cn.gongkai.ledger.report.AnnualReports;
import cn.gongkai.ledger.statistics.TablePublications;
import cn.gongkai.ledger.report.GateFinding;
import cn.gongkai.ledger.report.GateResult;
import cn.gongkai.ledger.report.Part2Figure;
import cn.gongkai.ledger.report.Part2Values;
import cn.gongkai.ledger.report.ProseSection;
import cn.gongkai.ledger.report.ReportDocument;
import cn.gongkai.ledger.report.ReportRecord;
import cn.gongkai.ledger.report.TemplateVersion;
import cn.gongkai.ledger.report.document.ReportRendering;
import cn.gongkai.ledger.report.events.AnnualReportPublished;
import cn.gongkai.ledger.report.events.Part2Entry;
import cn.gongkai.ledger.report.internal.ReportCommands.AcknowledgeWarning;
import cn.gongkai.ledger.report.internal.ReportCommands.EnterPart2Figures;
import cn.gongkai.ledger.report.internal.ReportCommands.PublishAnnualReport;
import cn.gongkai.ledger.report.internal.ReportCommands.SaveProse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports/{year}}: the whole annual report of the signed-in user's agency. Case handlers,
 * reviewers and the head enter part 二 and write the prose; the head acknowledges the gate's warnings and
 * publishes; the auditor reads. The document is served as JSON here; its HTML, DOCX and PDF renderings take
 * the same {@link ReportDocument}.
 */
@RestController
@RequestMapping("/api/reports/{year}")
class ReportEndpoint {

    private static final int MAX_TEXT = 20_000;

    private final AnnualReports reports;
    private final CommandGateway commands;
    private final CurrentActor currentActor;
    private final TablePublications tablePublications;

    ReportEndpoint(AnnualReports reports, CommandGateway commands, CurrentActor currentActor,
                   TablePublications tablePublications) {
        this.reports = reports;
        this.tablePublications = tablePublications;
        this.commands = commands;
        this.currentActor = currentActor;
    }

    @Operation(summary = "年度报告（当前） / The report as it stands",
            description = "六个部分的完整年度报告，正文中的数字按当前统计表填充；template 为 2021 或 2019（默认按年度）。"
                    + " / The whole report, prose figures resolved against today's tables; template 2021 or 2019.")
    @ApiResponse(responseCode = "200", description = "年度报告 / the document")
    @GetMapping
    @ReadsProjection({"annual-tables", "dispute-tables", "annual-report-facts"})
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    ReportDocument document(@PathVariable int year, @RequestParam(required = false) String template) {
        return reports.current(agency(), checked(year), template(year, template));
    }

    @Operation(summary = "第二部分及其录入记录 / Part 二 and its entries",
            description = "主动公开政府信息情况：各项数据、来源说明，以及每次录入和更正（谁、何时、理由）。"
                    + " / Each figure with its source, and every entry and correction (who, when, why).")
    @ApiResponse(responseCode = "200", description = "第二部分 / part 二")
    @GetMapping("/part2")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    Part2View part2(@PathVariable int year) {
        ReportRecord record = reports.record(agency(), checked(year));
        return new Part2View(year, record.part2(), record.part2History());
    }

    @Operation(summary = "录入第二部分（整体或多项） / Enter part 二, whole or several figures",
            description = "每项可附来源说明；更正已录入的数值须填写理由（更正以补偿事件记录，原值保留）。行政事业性收费以万元计，最多4位小数。"
                    + " / A correction of a figure already entered needs a reason; fees in 万元 with at most 4 decimals.")
    @ApiResponse(responseCode = "200", description = "已录入 / entered")
    @ApiResponse(responseCode = "400", description = "输入有误 / invalid input")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: CorrectionNeedsReason")
    @PutMapping("/part2")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD')")
    Part2View enterPart2(@PathVariable int year, @Valid @RequestBody Part2Body body) {
        checked(year);
        if (body.figures().isEmpty()) {
            throw new InputRejected(FieldProblem.of("figures", "至少录入一项", "enter at least one figure"));
        }
        List<Part2Entry> entries = new ArrayList<>();
        for (Map.Entry<Part2Figure, FigureBody> figure : new EnumMap<>(body.figures()).entrySet()) {
            if (figure.getValue() == null) {
                throw new InputRejected(FieldProblem.of("figures." + figure.getKey(), REQUIRED, REQUIRED));
            }
            entries.add(entry(figure.getKey(), figure.getValue().value(), figure.getValue().source(),
                    "figures." + figure.getKey() + ".value"));
        }
        commands.sendAndWait(new EnterPart2Figures(agency(), year, entries, body.reason()));
        return part2(year);
    }

    @Operation(summary = "录入第二部分的一项 / Enter one figure of part 二",
            description = "更正已录入的数值须填写理由。 / A correction of a figure already entered needs a reason.")
    @ApiResponse(responseCode = "200", description = "已录入 / entered")
    @ApiResponse(responseCode = "400", description = "输入有误 / invalid input")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: CorrectionNeedsReason")
    @PutMapping("/part2/{figure}")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD')")
    Part2View enterFigure(@PathVariable int year, @PathVariable Part2Figure figure,
                          @Valid @RequestBody OneFigureBody body) {
        checked(year);
        commands.sendAndWait(new EnterPart2Figures(agency(), year,
                List.of(entry(figure, body.value(), body.source(), "value")), body.reason()));
        return part2(year);
    }

    @Operation(summary = "正文各节（最新版本） / The prose, latest versions",
            description = "第一部分五节、第五部分、第六部分：存储的文本（含绑定单元格的占位符）和填充后的文本。"
                    + " / Each section's stored text (with bound placeholders) and its resolved text.")
    @ApiResponse(responseCode = "200", description = "正文 / the prose")
    @GetMapping("/prose")
    @ReadsProjection({"annual-tables", "dispute-tables", "annual-report-facts"})
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    List<ProseView> prose(@PathVariable int year) {
        String agencyId = agency();
        ReportRecord record = reports.record(agencyId, checked(year));
        List<ProseView> views = new ArrayList<>();
        for (ProseSection section : ProseSection.values()) {
            Optional<ReportRecord.ProseVersion> latest = record.latest(section);
            views.add(new ProseView(section, section.heading(), latest.map(ReportRecord.ProseVersion::version).orElse(0),
                    latest.map(ReportRecord.ProseVersion::text).orElse(""),
                    reports.resolve(agencyId, year, latest.map(ReportRecord.ProseVersion::text).orElse("")),
                    latest.map(ReportRecord.ProseVersion::savedBy).orElse(null),
                    latest.map(ReportRecord.ProseVersion::savedAt).orElse(null)));
        }
        return views;
    }

    @Operation(summary = "某节正文的全部版本 / Every version of a section",
            description = "谁、何时保存，说明，以及相对上一版删去和新增的句子。 / Who saved each version, when, the note, the sentences removed and added.")
    @ApiResponse(responseCode = "200", description = "版本历史 / the versions")
    @ApiResponse(responseCode = "400", description = "节代码有误 / no such section")
    @GetMapping("/prose/{section}/versions")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    List<ReportRecord.ProseVersion> versions(@PathVariable int year, @PathVariable ProseSection section) {
        return reports.record(agency(), checked(year)).prose().getOrDefault(section, List.of());
    }

    @Operation(summary = "生成正文初稿 / Write the first draft",
            description = "按本系统所知（申请收办结转、办理结果、复议诉讼、收费、第二部分）为尚无文本的节生成初稿，数字绑定到表格单元格，表格变化时随之变化；已有文本的节不动。"
                    + " / Drafts the sections that have no text yet from what the service knows; figures stay bound to their cells.")
    @ApiResponse(responseCode = "200", description = "已生成，返回各节 / drafted; the sections")
    @PostMapping("/prose/first-draft")
    @ReadsProjection({"annual-tables", "dispute-tables", "annual-report-facts"})
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD')")
    List<ProseView> firstDraft(@PathVariable int year) {
        String agencyId = agency();
        ReportRecord record = reports.record(agencyId, checked(year));
        reports.firstDraft(agencyId, year).forEach((section, text) -> {
            if (record.proseVersion(section) == 0) {
                commands.sendAndWait(new SaveProse(agencyId, year, section.name(), text, true, "系统生成初稿", 0));
            }
        });
        return prose(year);
    }

    @Operation(summary = "保存某节正文的新版本 / Save a new version of a section",
            description = "保存整节文本；每个版本都保留。If-Match 为所依据的版本号（首版为 \"0\"），他人已先保存则 409。可用 {{三.RECEIVED.TOTAL}} 等占位符绑定单元格。"
                    + " / Saves the whole text as a new version; If-Match names the version it was based on (409 if another was saved since).")
    @ApiResponse(responseCode = "200", description = "已保存 / saved")
    @ApiResponse(responseCode = "400", description = "输入有误 / invalid input")
    @ApiResponse(responseCode = "409", description = "他人已先保存新版本 / another version was saved first")
    @PutMapping("/prose/{section}")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD')")
    ResponseEntity<ProseView> saveProse(@PathVariable int year, @PathVariable ProseSection section,
                                        @Valid @RequestBody ProseBody body,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        checked(year);
        Long expected = IfMatch.expectedVersion(ifMatch, "该节正文", "section's");
        List<String> unknown = AnnualReports.unknownPlaceholders(body.text());
        if (!unknown.isEmpty()) {
            throw new InputRejected(new FieldProblem("text", "正文", "占位符无对应单元格：" + unknown,
                    "placeholders that name no cell: " + unknown));
        }
        commands.sendAndWait(new SaveProse(agency(), year, section.name(), body.text(), false, body.note(),
                expected == null ? null : expected.intValue()));
        ProseView view = prose(year).stream().filter(p -> p.section() == section).findFirst().orElseThrow();
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    @Operation(summary = "发布前检查 / The publication gate",
            description = "错误阻止发布（勾稽关系、正文数字与表格不符、第二部分或正文缺失、第二部分现行有效件数不衔接、年度未结转）；警告须负责人书面确认后方可发布。每项指明单元格、申请或句子。"
                    + " / Errors block publishing; each warning needs the head's written acknowledgement. Each finding names its cells, applications or sentence.")
    @ApiResponse(responseCode = "200", description = "检查结果 / the findings")
    @GetMapping("/gate")
    @ReadsProjection({"annual-tables", "dispute-tables", "annual-report-facts"})
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    GateResult gate(@PathVariable int year) {
        return reports.gate(agency(), checked(year));
    }

    @Operation(summary = "确认发布前检查的警告 / Acknowledge a warning of the gate",
            description = "负责人对一项警告作书面说明，记入审计。findingKey 取自 GET gate 的 key。 / The head explains a warning in writing; findingKey from GET gate.")
    @ApiResponse(responseCode = "200", description = "已确认，返回检查结果 / acknowledged; the findings")
    @ApiResponse(responseCode = "400", description = "输入有误 / invalid input")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: NoSuchWarning")
    @PostMapping("/gate/acknowledgements")
    @ReadsProjection({"annual-tables", "dispute-tables", "annual-report-facts"})
    @PreAuthorize("hasRole('HEAD')")
    GateResult acknowledge(@PathVariable int year, @Valid @RequestBody AcknowledgementBody body) {
        String agencyId = agency();
        GateFinding warning = reports.gate(agencyId, checked(year)).warnings().stream()
                .filter(f -> f.key().equals(body.findingKey()))
                .findFirst()
                .orElseThrow(() -> new RuleViolation("NoSuchWarning", "findingKey",
                        "当前检查结果中没有该警告（可能已消除或所涉申请已变化，请重新检查）",
                        "the gate has no such warning now (it may be gone or be about other applications: check again)"));
        commands.sendAndWait(new AcknowledgeWarning(agencyId, year, warning.rule(), warning.key(),
                warning.messageZh(), body.explanation()));
        return reports.gate(agencyId, year);
    }

    @Operation(summary = "发布年度报告 / Publish the report",
            description = "先运行发布前检查：有错误或未确认的警告则 422（rule 为该检查规则名）。发布冻结整份报告（表格、第二部分、正文、检查结果和确认），第2版起须填写 changeNote。"
                    + " / Runs the gate first (422 naming the rule while an error or an unacknowledged warning remains); freezes the whole document; a corrected version needs a changeNote.")
    @ApiResponse(responseCode = "201", description = "已发布，返回该版本 / published; the version")
    @ApiResponse(responseCode = "400", description = "输入有误 / invalid input")
    @ApiResponse(responseCode = "409", description = "检查后报告又有变化 / the report changed after the gate ran")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: YearClosedBeforePublication, TablesReconcile, Part2Complete, Part2RollsForward, ProseWritten, ProseFiguresMatchTables, NoDraftAwaitingApprovalAtYearEnd, NoUnsettledFeeNotice, NoUndecidedDispute, NoOverdueApplicationWithoutExtension, Part2RollForwardCheckable, CorrectionNeedsChangeNote, NoEventsParked (the tables, recorded as published with the report, lack a parked event)")
    @PostMapping("/publications")
    @ReadsProjection({"annual-tables", "dispute-tables", "annual-report-facts"})
    @PreAuthorize("hasRole('HEAD')")
    ResponseEntity<ReportDocument> publish(@PathVariable int year,
                                           @Valid @RequestBody(required = false) PublishBody body) {
        String agencyId = agency();
        TemplateVersion template = template(checked(year), body == null ? null : body.template());
        AnnualReports.Snapshot snapshot = reports.snapshot(agencyId, year, template);
        GateResult gate = snapshot.gate();
        List<GateFinding> blocking = gate.findings().stream().filter(GateFinding::blocks).toList();
        if (!blocking.isEmpty()) {
            GateFinding first = blocking.getFirst();
            String zh = String.join("；", blocking.stream().map(f -> "[" + f.rule() + "] " + f.messageZh()).toList());
            String en = String.join("; ", blocking.stream().map(f -> "[" + f.rule() + "] " + f.messageEn()).toList());
            throw new RuleViolation(first.rule(),
                    (first.severity() == GateFinding.Severity.ERROR ? "发布前检查未通过：" : "警告尚未确认：") + zh,
                    (first.severity() == GateFinding.Severity.ERROR ? "the gate has errors: " : "unacknowledged warnings: ") + en);
        }
        List<AnnualReportPublished.Finding> findings = gate.findings().stream()
                .map(f -> new AnnualReportPublished.Finding(f.rule(), f.severity().name(), f.key(), f.messageZh(),
                        f.messageEn()))
                .toList();
        List<AnnualReportPublished.Acknowledgement> acknowledgements = gate.warnings().stream()
                .map(f -> new AnnualReportPublished.Acknowledgement(f.key(), f.acknowledged().acknowledgedBy(),
                        f.acknowledged().explanation()))
                .toList();
        // the tables are recorded as published too, so that publication-diff shows what later entries change
        tablePublications.publish(agencyId, year);
        commands.sendAndWait(new PublishAnnualReport(agencyId, year, snapshot.report().events(), template.code(),
                body == null ? null : body.changeNote(), reports.freeze(snapshot.document()), findings,
                acknowledgements));
        List<ReportDocument> versions = reports.publishedVersions(agencyId, year);
        ReportDocument published = versions.getLast();
        int version = published.publication().orElseThrow().version();
        return ResponseEntity.created(java.net.URI.create("/api/reports/" + year + "/publications/" + version))
                .body(published);
    }

    @Operation(summary = "已发布的各版本 / The published versions",
            description = "每版的版本号、发布人、时间和更正说明。 / Each version with who published it, when, and its change note.")
    @ApiResponse(responseCode = "200", description = "版本列表 / the versions")
    @GetMapping("/publications")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    List<PublicationView> publications(@PathVariable int year) {
        return reports.record(agency(), checked(year)).publications().stream()
                .map(p -> new PublicationView(p.event().version(), p.event().publishedOn(), p.recordedAt(),
                        p.event().publishedBy(), p.event().template(), p.event().changeNote(), p.event().findings(),
                        p.event().acknowledgements()))
                .toList();
    }

    @Operation(summary = "某一发布版本 / One published version",
            description = "该版发布时冻结的完整报告。 / The whole report exactly as that version was published.")
    @ApiResponse(responseCode = "200", description = "该版本 / the version")
    @ApiResponse(responseCode = "404", description = "无此版本 / no such version")
    @GetMapping("/publications/{version}")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    ReportDocument publication(@PathVariable int year, @PathVariable int version) {
        return reports.published(agency(), checked(year), version)
                .orElseThrow(() -> new NotFound("report " + year + " version " + version, "NoSuchPublication",
                        year + "年度报告没有第" + version + "版", "the " + year + " report has no version " + version));
    }

    @Operation(summary = "年度报告文档（当前） / The report as a document, as it stands",
            description = "HTML、DOCX 或 PDF（嵌入中文字体），六个部分按顺序，表格为国家格式；template 为 2021 或 2019。"
                    + " / HTML, DOCX or PDF (CJK font embedded), the six parts in order, tables in the national layout.")
    @ApiResponse(responseCode = "200", description = "报告文件 / the file")
    @GetMapping("/document")
    @ReadsProjection({"annual-tables", "dispute-tables", "annual-report-facts"})
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    ResponseEntity<byte[]> documentFile(@PathVariable int year, @RequestParam DocumentFormat format,
                                        @RequestParam(required = false) String template) {
        return file(reports.current(agency(), checked(year), template(year, template)), format);
    }

    @Operation(summary = "某一发布版本的文档 / One published version as a document",
            description = "该版发布时冻结的报告，HTML、DOCX 或 PDF；可用 template 换另一种版式（数字不变）。"
                    + " / The report as that version froze it, as HTML, DOCX or PDF; template prints it in the other layout.")
    @ApiResponse(responseCode = "200", description = "报告文件 / the file")
    @ApiResponse(responseCode = "404", description = "无此版本 / no such version")
    @GetMapping("/publications/{version}/document")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    ResponseEntity<byte[]> publicationFile(@PathVariable int year, @PathVariable int version,
                                           @RequestParam DocumentFormat format,
                                           @RequestParam(required = false) String template) {
        ReportDocument published = publication(year, version);
        if (template != null && !template.isBlank()) {
            TemplateVersion layout = template(year, template);
            published = new ReportDocument(published.agencyName(), published.year(), layout, published.part1(),
                    published.part2(), published.part3(), published.part4(), published.part5(), published.part6(),
                    published.dataAsOf(), published.publication());
        }
        return file(published, format);
    }

    /** The formats a report document is rendered in. */
    enum DocumentFormat {
        HTML("text/html; charset=UTF-8", "html"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        PDF("application/pdf", "pdf");

        private final String mediaType;
        private final String extension;

        DocumentFormat(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    private static ResponseEntity<byte[]> file(ReportDocument document, DocumentFormat format) {
        byte[] content = switch (format) {
            case HTML -> ReportRendering.html(document).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case DOCX -> ReportRendering.docx(document);
            case PDF -> ReportRendering.pdf(document);
        };
        String name = document.title()
                + document.publication().map(p -> "（第" + p.version() + "版）").orElse("（草稿）")
                + "." + format.extension;
        return ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(org.springframework.http.MediaType.parseMediaType(format.mediaType))
                .body(content);
    }

    private String agency() {
        return currentActor.current().agencyId();
    }

    /** Reports exist from the regulation's first reporting year (2008) to a far future. */
    private static int checked(int year) {
        if (year < 2008 || year > 2100) {
            throw new InputRejected(new FieldProblem("year", "年度", "应为2008至2100之间的年份",
                    "must be a year from 2008 to 2100"));
        }
        return year;
    }

    private static TemplateVersion template(int year, String code) {
        if (code == null || code.isBlank()) {
            return TemplateVersion.defaultFor(year);
        }
        for (TemplateVersion version : TemplateVersion.values()) {
            if (version.code().equals(code.strip())) {
                return version;
            }
        }
        throw new InputRejected(new FieldProblem("template", "报告格式", "应为 2021 或 2019", "must be 2021 or 2019"));
    }

    private static Part2Entry entry(Part2Figure figure, String value, String source, String field) {
        return new Part2Entry(figure.name(), Part2Values.canonical(figure, value, field),
                source == null || source.isBlank() ? null : source.strip());
    }

    record Part2View(int year, Map<Part2Figure, ReportRecord.Figure> figures,
                     List<ReportRecord.Part2Change> history) {
    }

    record FigureBody(@NotBlank(message = NOT_BLANK) @Size(max = 20, message = TOO_LONG) String value,
                      @Size(max = 500, message = TOO_LONG) String source) {
    }

    /** Several figures at once; {@code reason} is needed when any of them corrects a value already entered. */
    record Part2Body(@NotNull(message = REQUIRED) Map<Part2Figure, @Valid FigureBody> figures,
                     @Size(max = 2000, message = TOO_LONG) String reason) {
        Part2Body {
            figures = figures == null ? null : new LinkedHashMap<>(figures);
        }
    }

    record OneFigureBody(@NotBlank(message = NOT_BLANK) @Size(max = 20, message = TOO_LONG) String value,
                         @Size(max = 500, message = TOO_LONG) String source,
                         @Size(max = 2000, message = TOO_LONG) String reason) {
    }

    record ProseBody(@NotNull(message = REQUIRED) @Size(max = MAX_TEXT, message = TOO_LONG) String text,
                     @Size(max = 2000, message = TOO_LONG) String note) {
    }

    record ProseView(ProseSection section, String heading, int version, String text, String resolvedText,
                     String savedBy, Instant savedAt) {
    }

    record AcknowledgementBody(@NotBlank(message = NOT_BLANK) @Size(max = 10000, message = TOO_LONG) String findingKey,
                               @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String explanation) {
    }

    record PublishBody(@Size(max = 10, message = TOO_LONG) String template,
                       @Size(max = 2000, message = TOO_LONG) String changeNote) {
    }

    record PublicationView(int version, java.time.LocalDate publishedOn, Instant recordedAt, String publishedBy,
                           String template, String changeNote, List<AnnualReportPublished.Finding> findings,
                           List<AnnualReportPublished.Acknowledgement> acknowledgements) {
    }
}
