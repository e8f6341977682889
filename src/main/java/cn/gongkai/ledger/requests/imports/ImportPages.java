package cn.gongkai.ledger.requests.imports;

import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputBounds;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.web.PageController;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * 导入台账 ({@code /imports}): the pages over {@link RegisterImports}, for the roles the API allows (HEAD, ADMIN).
 * The file is uploaded as a form's file field (multipart) and handed to the same dry run and start as the API's
 * body; the file is never kept, so confirming asks for the same file again, with the dry run's SHA-256 in a hidden
 * field, and the service refuses any other file. One page per import ({@code /imports/{id}}): a dry run shows its
 * report and the confirmation form, an import its progress, refreshing itself while it runs.
 */
@PageController
@PreAuthorize("hasAnyRole('HEAD','ADMIN')")
class ImportPages {

    private static final int RECENT = 20;
    private static final int MAX_COUNT = 1_000_000;
    /** The rows shown for every year, zero or not; an outcome row only where the file has one. */
    private static final java.util.Set<String> SUMMARY_ROWS = java.util.Set.of("RECEIVED", "CARRIED_OVER", "RESOLVED_TOTAL",
            "CARRIED_FORWARD");

    /** The status of an import in the words the office uses. */
    static final Map<String, String> STATUS = Map.of("CHECKED", "试导入已检查", "RUNNING", "导入中", "DONE", "已完成",
            "FAILED", "失败", "ROLLED_BACK", "已回滚");
    static final Map<String, String> KIND = Map.of("DRY_RUN", "试导入", "IMPORT", "导入");

    private final RegisterImports imports;
    private final CurrentActor currentActor;
    private final JsonMapper json;
    private final Clock clock;

    ImportPages(RegisterImports imports, CurrentActor currentActor, JsonMapper json, Clock clock) {
        this.imports = imports;
        this.currentActor = currentActor;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/imports")
    ModelAndView index() {
        return index(null, HttpStatus.OK);
    }

    /** The template as the API gives it; the API's own route wants Basic credentials, not the page's session. */
    @GetMapping("/imports/template")
    ResponseEntity<byte[]> template(@RequestParam String format) {
        return ImportEndpoint.templateFile(format);
    }

    @PostMapping("/imports/dry-run")
    ModelAndView dryRun(@RequestParam(required = false) MultipartFile file) {
        byte[] content;
        try {
            content = content(file);
            ImportReport report = imports.dryRun(currentActor.current(), content);
            return new ModelAndView("redirect:/imports/" + report.importId());
        } catch (InputRejected rejected) {
            return index(messages(rejected), HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/imports/opening-balance")
    ModelAndView openingBalance(@RequestParam(required = false) Integer year,
                                @RequestParam Map<String, String> form, RedirectAttributes flash) {
        int thisYear = BusinessClock.today(clock).getYear();
        List<String> problems = new ArrayList<>();
        if (year == null || year < InputBounds.FIRST_YEAR || year > thisYear) {
            problems.add("年度：应为 " + InputBounds.FIRST_YEAR + " 至 " + thisYear + " 之间的年份");
        }
        Map<ApplicantCategory, Integer> carried = new EnumMap<>(ApplicantCategory.class);
        for (ApplicantCategory category : ApplicantCategory.values()) {
            String typed = form.getOrDefault(category.name(), "").strip();
            try {
                int count = typed.isEmpty() ? 0 : Integer.parseInt(typed);
                if (count < 0 || count > MAX_COUNT) {
                    throw new NumberFormatException();
                }
                carried.put(category, count);
            } catch (NumberFormatException e) {
                problems.add(category.label() + "：件数应为 0 至 " + MAX_COUNT + " 的整数");
            }
        }
        if (!problems.isEmpty()) {
            ModelAndView page = index(null, HttpStatus.BAD_REQUEST);
            page.addObject("balanceProblems", problems);
            page.addObject("balanceForm", form);
            return page;
        }
        imports.enterOpeningBalance(currentActor.current(), year, carried);
        flash.addFlashAttribute("done", year + " 年度“结转下年度继续办理”已录入（共 "
                + carried.values().stream().mapToInt(Integer::intValue).sum() + " 件）；此后的试导入将与之核对。");
        return new ModelAndView("redirect:/imports");
    }

    @GetMapping("/imports/{importId}")
    ModelAndView one(@PathVariable UUID importId) {
        String agency = currentActor.current().agencyId();
        ImportProgress progress = imports.progress(agency, importId);
        if ("DRY_RUN".equals(progress.kind())) {
            return report(progress, null, HttpStatus.OK);
        }
        ModelAndView page = new ModelAndView("imports/progress");
        page.addObject("progress", progress);
        page.addObject("status", STATUS.getOrDefault(progress.status(), progress.status()));
        page.addObject("toImport", progress.rowsTotal() - progress.rowsUnchanged());
        if ("RUNNING".equals(progress.status())) {
            page.addObject("refreshSeconds", 2);
        }
        page.addObject("years", "DONE".equals(progress.status()) ? imports.years(agency, importId) : List.of());
        return page;
    }

    @PostMapping("/imports/{importId}/confirm")
    ModelAndView confirm(@PathVariable UUID importId, @RequestParam(required = false) String sha256,
                         @RequestParam(required = false) MultipartFile file) {
        ImportProgress dryRun = imports.progress(currentActor.current().agencyId(), importId);
        try {
            ImportProgress started = imports.start(currentActor.current(), content(file), sha256);
            return new ModelAndView("redirect:/imports/" + started.importId());
        } catch (InputRejected rejected) {
            return report(dryRun, messages(rejected), HttpStatus.BAD_REQUEST);
        } catch (RuleViolation refused) {
            return report(dryRun, refused.messageZh(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private ModelAndView index(String fileProblem, HttpStatus status) {
        ModelAndView page = new ModelAndView("imports/index");
        page.setStatus(status);
        page.addObject("fileProblem", fileProblem);
        page.addObject("recent", imports.recent(currentActor.current().agencyId(), RECENT));
        page.addObject("statusLabels", STATUS);
        page.addObject("kindLabels", KIND);
        page.addObject("categories", ApplicantCategory.values());
        page.addObject("lastYear", BusinessClock.today(clock).getYear() - 1);
        page.addObject("balanceForm", Map.of());
        return page;
    }

    private ModelAndView report(ImportProgress dryRun, String confirmProblem, HttpStatus status) {
        ImportReport report = json.readValue(imports.report(currentActor.current().agencyId(), dryRun.importId()),
                ImportReport.class);
        ModelAndView page = new ModelAndView("imports/report");
        page.setStatus(status);
        page.addObject("progress", dryRun);
        page.addObject("report", report);
        page.addObject("tables", tables(report));
        page.addObject("categories", ApplicantCategory.values());
        page.addObject("confirmProblem", confirmProblem);
        return page;
    }

    private static byte[] content(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InputRejected(FieldProblem.of("file", "请选择要导入的台账文件（CSV 或 XLSX）",
                    "choose the register file to import (CSV or XLSX)"));
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InputRejected(FieldProblem.of("file", "文件未能完整上传，请重新选择", "the file was not received in full"));
        }
    }

    private static String messages(InputRejected rejected) {
        return rejected.problems().stream().map(FieldProblem::messageZh).collect(Collectors.joining("；"));
    }

    /** One year's part 三 counts as the dry run predicts them: the rows that have counts, in the official order. */
    record YearTable(int year, List<TableLine> lines) {
    }

    /** A row of part 三: its label, whether it is one of the totals, and a count per applicant column then 总计. */
    record TableLine(String label, boolean total, List<Long> cells) {
    }

    static List<YearTable> tables(ImportReport report) {
        List<YearTable> tables = new ArrayList<>();
        if (report.tables() == null) {
            return tables;
        }
        report.tables().forEach((year, rows) -> {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("RECEIVED", "一、本年新收政府信息公开申请数量");
            labels.put("CARRIED_OVER", "二、上年结转政府信息公开申请数量");
            for (Outcome outcome : Outcome.values()) {
                labels.put(outcome.name(), outcome.group() == null ? outcome.label() : outcome.group() + " " + outcome.label());
            }
            labels.put("RESOLVED_TOTAL", "(七) 总计");
            labels.put("CARRIED_FORWARD", "四、结转下年度继续办理");
            List<TableLine> lines = new ArrayList<>();
            labels.forEach((code, label) -> {
                Map<String, Long> cells = rows.get(code);
                boolean always = SUMMARY_ROWS.contains(code);
                if (cells == null && !always) {
                    return;
                }
                List<Long> counts = new ArrayList<>();
                for (ApplicantCategory category : ApplicantCategory.values()) {
                    counts.add(cells == null ? 0L : cells.getOrDefault(category.name(), 0L));
                }
                counts.add(cells == null ? 0L : cells.getOrDefault("TOTAL", 0L));
                lines.add(new TableLine(label, always, counts));
            });
            tables.add(new YearTable(year, lines));
        });
        return tables;
    }
}
