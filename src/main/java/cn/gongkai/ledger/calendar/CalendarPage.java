package cn.gongkai.ledger.calendar;

import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.web.PageController;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * 管理 · 工作日历 ({@code /admin/calendar/{year}}): a year's holidays and 调休上班日, and loading a year either from
 * a JSON file shaped like the body of {@code PUT /api/calendar/{year}} or from the form, one day a line
 * ({@code 2027-01-01 元旦}). Both go through {@link CalendarEndpoint#replace}, so the checks, the recomputed
 * deadlines and the change log are the API's.
 */
@PageController
@PreAuthorize("hasRole('ADMIN')")
class CalendarPage {

    private static final int MAX_FILE_BYTES = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CalendarEndpoint endpoint;
    private final Clock clock;

    CalendarPage(CalendarEndpoint endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
    }

    @GetMapping("/admin/calendar")
    String thisYear() {
        return "redirect:/admin/calendar/" + (BusinessClock.today(clock).getYear() + 1);
    }

    @GetMapping("/admin/calendar/{year}")
    String year(@PathVariable int year, Model model) {
        CalendarEndpoint.YearView view = endpoint.year(known(year));
        model.addAttribute("view", view);
        model.addAttribute("changes", endpoint.changes(year));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
            model.addAttribute("holidaysText", lines(view.holidays()));
            model.addAttribute("adjustedText", lines(view.adjustedWorkdays()));
        }
        return "admin/calendar";
    }

    @PostMapping("/admin/calendar/{year}")
    Object load(@PathVariable int year, @RequestParam(required = false) MultipartFile file,
                @RequestParam(required = false) String holidays, @RequestParam(required = false) String adjustedWorkdays,
                Principal principal, Model model, RedirectAttributes redirect) {
        known(year);
        Map<String, String> problems = new LinkedHashMap<>();
        CalendarEndpoint.YearBody body;
        if (file != null && !file.isEmpty()) {
            body = fromFile(file, problems);
        } else {
            body = new CalendarEndpoint.YearBody(parse("holidays", holidays, problems),
                    parse("adjustedWorkdays", adjustedWorkdays, problems));
        }
        if (problems.isEmpty()) {
            try {
                CalendarChange change = endpoint.replace(year, body, principal);
                redirect.addFlashAttribute("done", year + "年工作日历已载入：新增" + change.added().size() + "天、删除"
                        + change.removed().size() + "天，重新计算了" + change.movedDeadlines().size() + "件申请的答复期限");
                return "redirect:/admin/calendar/" + year;
            } catch (InputRejected rejected) {
                for (FieldProblem problem : rejected.problems()) {
                    String field = problem.field() == null ? "file" : problem.field().split("\\.", 2)[0];
                    problems.merge(field, problem.label() + "：" + problem.messageZh(), (a, b) -> a + "；" + b);
                }
            } catch (RuleViolation | IllegalArgumentException refused) {
                problems.put("file", refused instanceof RuleViolation rule ? rule.messageZh() : "日历内容不符合要求");
            }
        }
        model.addAttribute("problems", problems);
        model.addAttribute("holidaysText", holidays == null ? "" : holidays);
        model.addAttribute("adjustedText", adjustedWorkdays == null ? "" : adjustedWorkdays);
        ModelAndView page = new ModelAndView(year(year, model), model.asMap());
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }

    private static CalendarEndpoint.YearBody fromFile(MultipartFile file, Map<String, String> problems) {
        if (file.getSize() > MAX_FILE_BYTES) {
            problems.put("file", "文件过大（最多 64 KB）");
            return null;
        }
        try {
            return JSON.readValue(new String(file.getBytes(), StandardCharsets.UTF_8), CalendarEndpoint.YearBody.class);
        } catch (IOException | JacksonException e) {
            problems.put("file", "不是有效的 JSON：应为 {\"holidays\": {\"2027-01-01\": \"元旦\"}, \"adjustedWorkdays\": {…}}");
            return null;
        }
    }

    /** "2027-01-01 元旦" a line; the dates are checked by the endpoint, which names the bad ones. */
    private static Map<String, String> parse(String field, String text, Map<String, String> problems) {
        Map<String, String> days = new LinkedHashMap<>();
        if (text == null) {
            return days;
        }
        int line = 0;
        for (String raw : text.split("\\R")) {
            line++;
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("\\s+", 2);
            if (parts.length < 2) {
                problems.merge(field, "第" + line + "行应为“日期 名称”，如 2027-01-01 元旦", (a, b) -> a + "；" + b);
                continue;
            }
            days.put(parts[0], parts[1].strip());
        }
        return days;
    }

    private static String lines(Map<LocalDate, String> days) {
        return days.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n"));
    }

    private int known(int year) {
        if (year < CalendarYear.FIRST_YEAR || year > CalendarYear.LAST_YEAR) {
            throw new NotFound("calendar year " + year);
        }
        return year;
    }
}
