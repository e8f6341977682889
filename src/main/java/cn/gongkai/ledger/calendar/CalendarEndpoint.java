package cn.gongkai.ledger.calendar;

import cn.gongkai.ledger.platform.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The calendar over HTTP: anyone signed in reads a year; administrators replace one and read the change log. */
@RestController
@RequestMapping("/api/calendar")
class CalendarEndpoint {

    private final CalendarService calendar;

    CalendarEndpoint(CalendarService calendar) {
        this.calendar = calendar;
    }

    /** A year's calendar; without one, both lists are empty and the year counts weekends alone. */
    record YearView(int year, boolean hasCalendar, Map<LocalDate, String> holidays,
                    Map<LocalDate, String> adjustedWorkdays) {
    }

    /**
     * A year's new calendar, replacing the old one whole. The dates are the keys, as
     * {@code "2027-01-01"}; both lists are required and may be empty.
     */
    record YearBody(Map<String, String> holidays, Map<String, String> adjustedWorkdays) {
    }

    @Operation(summary = "工作日历 / A year's working-day calendar",
            description = "法定节假日和调休工作日；没有日历的年度只按周末计算。 / Without a calendar only weekends count.")
    @GetMapping("/{year}")
    @PreAuthorize("isAuthenticated()")
    YearView year(@PathVariable int year) {
        return calendar.current().year(year)
                .map(y -> new YearView(year, true, y.holidays(), y.adjustedWorkdays()))
                .orElseGet(() -> new YearView(year, false, Map.of(), Map.of()));
    }

    @Operation(summary = "设置年度节假日和调休 / Set a year's holidays and adjusted working days",
            description = "整年替换；受影响申请的答复期限随之重算。 / Replaces the year whole; the deadlines it moves are recomputed.")
    @PutMapping("/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    CalendarChange replace(@PathVariable int year, @RequestBody YearBody body, Principal principal) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<LocalDate, String> holidays = dates("holidays", DayKind.HOLIDAY, body.holidays(), problems);
        Map<LocalDate, String> adjustedWorkdays =
                dates("adjustedWorkdays", DayKind.ADJUSTED_WORKDAY, body.adjustedWorkdays(), problems);
        if (!problems.isEmpty()) {
            throw new CalendarInputRejected(problems);
        }
        return calendar.replaceYear(year, holidays, adjustedWorkdays, principal.getName());
    }

    /** Lists the applications of every agency whose deadline moved, hence administrators only. */
    @Operation(summary = "日历变更记录 / Calendar changes and the deadlines they moved")
    @GetMapping("/changes")
    @PreAuthorize("hasRole('ADMIN')")
    List<CalendarChange> changes(@RequestParam(required = false) Integer year) {
        return calendar.changes(year == null ? OptionalInt.empty() : OptionalInt.of(year));
    }

    /** Parses the keys here, so that a bad date is named by its field like every other problem. */
    private static Map<LocalDate, String> dates(String field, DayKind kind, Map<String, String> days,
                                                List<FieldProblem> problems) {
        if (days == null) {
            return null; // CalendarYear names the missing list
        }
        Map<LocalDate, String> parsed = new LinkedHashMap<>();
        days.forEach((key, name) -> {
            try {
                parsed.put(LocalDate.parse(key), name);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(field + "." + key, kind.label() + "（" + key + "）",
                        "日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD"));
            }
        });
        return parsed;
    }
}
