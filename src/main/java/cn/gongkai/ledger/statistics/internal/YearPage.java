package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.calendar.CalendarService;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.InputBounds;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.statistics.AnnualTables;
import cn.gongkai.ledger.statistics.CountedApplication;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import cn.gongkai.ledger.statistics.YearEndChecklist;
import org.springframework.beans.factory.ObjectProvider;
import cn.gongkai.ledger.statistics.export.AnnualTablesExporter;
import cn.gongkai.ledger.statistics.export.ExportFormat;
import cn.gongkai.ledger.web.PageController;
import java.time.Clock;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 年度报表 ({@code GET /year/{year}}): parts 三 and 四 of the signed-in person's agency drawn from the exports'
 * official layout, every count above zero a link to the applications counted in it
 * ({@code /year/{year}/cells/{row}/{column}}), the reconciliation, the downloads, charts, and for the office
 * head the year close and the publication. Each part is the API's own ({@link AnnualTablesEndpoint}): the same
 * queries, exports and commands, with the same roles.
 */
@PageController
class YearPage {

    static final int MAX_REASON_LENGTH = 2000;

    private final AnnualTablesEndpoint endpoint;
    private final AnnualTables tables;
    private final AnnualTablesExporter exporter;
    private final CalendarService calendar;
    private final Clock clock;

    private final ObjectProvider<YearEndChecklist> checklist;

    YearPage(AnnualTablesEndpoint endpoint, AnnualTables tables, AnnualTablesExporter exporter,
             CalendarService calendar, Clock clock,
             ObjectProvider<YearEndChecklist> checklist) {
        this.checklist = checklist;
        this.endpoint = endpoint;
        this.tables = tables;
        this.exporter = exporter;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/year")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    String thisYear() {
        return "redirect:/year/" + BusinessClock.today(clock).getYear();
    }

    @GetMapping("/year/{year}")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    String year(@PathVariable int year, Model model) {
        int shown = bounded(year);
        AnnualTablesEndpoint.TablesView view = endpoint.tables(shown, null, false);
        Part3Table previous = tables.part3(view.agencyId(), view.agencies(), shown - 1);
        List<String> own = view.agencies();
        List<CountedApplication> received = tables.applicationsIn(own, shown, TableRow.RECEIVED, TableColumn.TOTAL);
        List<CountedApplication> concluded = tables.applicationsIn(own, shown, TableRow.RESOLVED_TOTAL,
                TableColumn.TOTAL);
        model.addAttribute("view", view);
        model.addAttribute("title", view.agencyName() + shown + "年政府信息公开工作年度报告");
        model.addAttribute("part3", exporter.part3Table(view.part3()));
        model.addAttribute("part4", exporter.part4Table(view.part4()));
        model.addAttribute("formats", ExportFormat.values());
        model.addAttribute("difference", difference(shown));
        model.addAttribute("charts", List.of(
                YearCharts.monthly(shown, received, concluded),
                YearCharts.outcomes(view.part3(), previous),
                YearCharts.medianWorkingDays(shown, concluded, calendar.current())));
        model.addAttribute("thisYear", BusinessClock.today(clock).getYear());
        YearEndChecklist items = checklist.getIfAvailable();
        model.addAttribute("checklist", items == null ? List.of() : items.before(view.agencyId(), shown));
        if (!model.containsAttribute("reason")) {
            model.addAttribute("reason", "");
        }
        return "statistics/year";
    }

    /** The applications counted in one cell of part 三, by registration number. */
    @GetMapping("/year/{year}/cells/{row}/{column}")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    String cell(@PathVariable int year, @PathVariable TableRow row, @PathVariable TableColumn column, Model model) {
        model.addAttribute("year", bounded(year));
        model.addAttribute("row", row);
        model.addAttribute("column", column);
        model.addAttribute("applications", endpoint.cell(bounded(year), row, column, null, false));
        return "statistics/cell";
    }

    /** The tables as the API's export gives them: xlsx, csv, json or html. */
    @GetMapping("/year/{year}/export")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    ResponseEntity<byte[]> export(@PathVariable int year, @RequestParam ExportFormat format) {
        return endpoint.export(bounded(year), format, null, false);
    }

    @PostMapping("/year/{year}/close")
    @PreAuthorize("hasRole('HEAD')")
    String close(@PathVariable int year, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        int shown = bounded(year);
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            redirect.addFlashAttribute("reasonProblem", "不能超过" + MAX_REASON_LENGTH + "个字");
            redirect.addFlashAttribute("reason", reason);
            return "redirect:/year/" + shown + "#close";
        }
        try {
            endpoint.close(shown, new AnnualTablesEndpoint.CloseBody(reason));
            redirect.addFlashAttribute("done", shown + "年度已关闭，在办申请正在结转至下年度");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refused", refused.messageZh());
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:/year/" + shown;
    }

    @PostMapping("/year/{year}/publish")
    @PreAuthorize("hasRole('HEAD')")
    String publish(@PathVariable int year, RedirectAttributes redirect) {
        int shown = bounded(year);
        try {
            endpoint.publish(shown);
            redirect.addFlashAttribute("done", shown + "年度报告已发布，表格数据已记录在发布事件中");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refused", refused.messageZh());
        }
        return "redirect:/year/" + shown;
    }

    /** How the tables differ from the latest published version, or null when none has been published. */
    private AnnualTablesEndpoint.PublicationDiff difference(int year) {
        try {
            return endpoint.publicationDiff(year).getBody();
        } catch (NotFound none) {
            return null;
        }
    }

    /** A year from the statute's first to next year; any other does not exist. */
    private int bounded(int year) {
        if (InputBounds.clampYear(year, BusinessClock.today(clock).getYear()) != year) {
            throw new NotFound("year " + year);
        }
        return year;
    }
}
