package cn.gongkai.ledger.calendar.internal;

import cn.gongkai.ledger.calendar.CalendarChange;
import cn.gongkai.ledger.calendar.CalendarDay;
import cn.gongkai.ledger.calendar.CalendarYear;
import cn.gongkai.ledger.calendar.DayKind;
import cn.gongkai.ledger.calendar.MovedDeadline;
import cn.gongkai.ledger.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calendar tables of {@code V3__calendar.sql}: {@code calendar_year}, {@code calendar_day} and
 * the change log {@code calendar_change}. Callers hold the transaction.
 */
@Component
public class CalendarStore {

    /**
     * Changes whenever a year is loaded, replaced or removed, by this instance or another: the count
     * and latest load time of the years catch rows written by any means (a change made by hand in
     * SQL must set {@code calendar_year.loaded_at}), and the number of logged changes catches two
     * changes stamped with the same time. A count, not the highest id: ids are drawn before commit,
     * so a change committed late can have a lower id than one already seen.
     */
    public record Fingerprint(long years, Instant lastLoadedAt, long changes) {
    }

    /** The JSON of {@code calendar_change.summary}. */
    record Summary(List<CalendarDay> added, List<CalendarDay> removed, List<MovedDeadline> movedDeadlines) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CalendarStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Fingerprint fingerprint() {
        return jdbc.sql("""
                        select (select count(*) from calendar_year),
                               (select max(loaded_at) from calendar_year),
                               (select count(*) from calendar_change)""")
                .query((rs, row) -> new Fingerprint(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        rs.getLong(3)))
                .single();
    }

    /** Every year with a calendar. Read the fingerprint first: a change in between is then caught next time. */
    public WorkingDayCalendar load() {
        List<Integer> years = jdbc.sql("select year from calendar_year").query(Integer.class).list();
        Map<Integer, List<CalendarDay>> days = jdbc.sql("select year, day, kind, name from calendar_day")
                .query((rs, row) -> new StoredDay(rs.getInt(1), new CalendarDay(rs.getObject(2, LocalDate.class),
                        DayKind.valueOf(rs.getString(3)), rs.getString(4))))
                .list().stream()
                .collect(Collectors.groupingBy(StoredDay::year, Collectors.mapping(StoredDay::day, Collectors.toList())));
        return WorkingDayCalendar.of(years.stream()
                .map(year -> CalendarYear.of(year, days.getOrDefault(year, List.of())))
                .toList());
    }

    private record StoredDay(int year, CalendarDay day) {
    }

    /**
     * Replaces {@code year}'s row and days and returns the year as it was, empty if it had no
     * calendar. The year's row is written first: its row lock makes concurrent replacements of the
     * same year wait for each other, so that the days returned are those actually replaced.
     */
    public Optional<CalendarYear> replaceYear(CalendarYear year, String source, Instant loadedAt, String loadedBy) {
        boolean existed = jdbc.sql("select exists (select 1 from calendar_year where year = :year)")
                .param("year", year.year()).query(Boolean.class).single();
        jdbc.sql("""
                        insert into calendar_year (year, source, loaded_at, loaded_by)
                        values (:year, :source, :loadedAt, :loadedBy)
                        on conflict (year) do update set
                            source = excluded.source, loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by""")
                .param("year", year.year())
                .param("source", source)
                .param("loadedAt", OffsetDateTime.ofInstant(loadedAt, ZoneOffset.UTC))
                .param("loadedBy", loadedBy)
                .update();
        Optional<CalendarYear> before = existed ? load().year(year.year()) : Optional.empty();
        jdbc.sql("delete from calendar_day where year = :year").param("year", year.year()).update();
        for (CalendarDay day : year.days()) {
            jdbc.sql("insert into calendar_day (day, kind, name) values (:day, :kind, :name)")
                    .param("day", day.day())
                    .param("kind", day.kind().name())
                    .param("name", day.name())
                    .update();
        }
        return before;
    }

    /** Writes one entry of the change log and returns it. */
    public CalendarChange appendChange(int year, Instant changedAt, String changedBy, List<CalendarDay> added,
                                       List<CalendarDay> removed, List<MovedDeadline> movedDeadlines) {
        long id = jdbc.sql("""
                        insert into calendar_change (year, changed_at, changed_by, summary)
                        values (:year, :changedAt, :changedBy, cast(:summary as jsonb)) returning id""")
                .param("year", year)
                .param("changedAt", OffsetDateTime.ofInstant(changedAt, ZoneOffset.UTC))
                .param("changedBy", changedBy)
                .param("summary", json.writeValueAsString(new Summary(added, removed, movedDeadlines)))
                .query(Long.class)
                .single();
        return new CalendarChange(id, year, changedAt, changedBy, added, removed, movedDeadlines);
    }

    /** The change log, newest first, of one year or of all. */
    public List<CalendarChange> changes(OptionalInt year) {
        return jdbc.sql("""
                        select id, year, changed_at, changed_by, summary::text from calendar_change
                        where cast(:year as integer) is null or year = :year order by id desc""")
                .param("year", year.isPresent() ? year.getAsInt() : null, java.sql.Types.INTEGER)
                .query((rs, row) -> {
                    Summary summary = json.readValue(rs.getString(5), Summary.class);
                    return new CalendarChange(rs.getLong(1), rs.getInt(2),
                            instant(rs.getObject(3, OffsetDateTime.class)), rs.getString(4),
                            summary.added(), summary.removed(), summary.movedDeadlines());
                })
                .list();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
