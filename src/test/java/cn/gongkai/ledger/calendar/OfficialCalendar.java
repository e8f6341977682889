package cn.gongkai.ledger.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official calendar 2019–2026 as published in the State Council's notices, read from the copy
 * in {@code src/test/resources/calendar}: the reference the tests compare the code and the seed
 * migration with.
 */
public final class OfficialCalendar {

    static final String RESOURCE = "/calendar/cn-official-calendar-2019-2026.json";

    public record Reference(Map<Integer, Days> years) {
    }

    public record Days(Map<LocalDate, String> holidays, Map<LocalDate, String> adjustedWorkdays) {
    }

    private OfficialCalendar() {
    }

    public static Reference reference() {
        try (InputStream in = OfficialCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
            }
            return JsonMapper.builder().build().readValue(in, Reference.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CalendarYear> years() {
        return reference().years().entrySet().stream()
                .map(year -> new CalendarYear(year.getKey(), year.getValue().holidays(),
                        year.getValue().adjustedWorkdays()))
                .toList();
    }

    /** The calendar with 2019–2026 loaded and nothing else: 2027 has no calendar. */
    public static WorkingDayCalendar calendar() {
        return WorkingDayCalendar.of(years());
    }
}
