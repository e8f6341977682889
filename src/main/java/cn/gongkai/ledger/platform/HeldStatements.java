package cn.gongkai.ledger.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Statements held in the order they were made and sent when flushed, each run of the same statement as one JDBC
 * batch: for a projection whose events each make one statement that nothing reads before the commit
 * ({@link HeldWrites#of}).
 */
public final class HeldStatements implements HeldWrites.Batch {

    private final NamedParameterJdbcTemplate jdbc;
    private final Object owner;
    private final List<Held> held = new ArrayList<>();

    /** {@code owner}: the projection whose statements these are ({@link HeldWrites#writesThrough}). */
    public HeldStatements(NamedParameterJdbcTemplate jdbc, Object owner) {
        this.jdbc = jdbc;
        this.owner = owner;
    }

    public void add(String sql, SqlParameterSource parameters) {
        held.add(new Held(sql, parameters));
        if (HeldWrites.writesThrough(owner)) {
            flush();
        }
    }

    @Override
    public void flush() {
        int start = 0;
        while (start < held.size()) {
            String sql = held.get(start).sql();
            int end = start + 1;
            while (end < held.size() && held.get(end).sql().equals(sql)) {
                end++;
            }
            HeldWrites.send(jdbc, sql, held.subList(start, end).stream().map(Held::parameters)
                    .toArray(SqlParameterSource[]::new));
            start = end;
        }
        held.clear();
    }

    private record Held(String sql, SqlParameterSource parameters) {
    }
}
