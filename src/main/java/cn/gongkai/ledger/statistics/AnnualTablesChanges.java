package cn.gongkai.ledger.statistics;

import cn.gongkai.ledger.platform.InputBounds;
import cn.gongkai.ledger.platform.ProjectionText;
import cn.gongkai.ledger.platform.TransactionScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox of the annual tables ({@code annual_tables_outbox}, docs/adr/0017): which agency-years'
 * part 三 or part 四 changed and are not yet published. The projections that keep the tables
 * ({@code annual-tables} here, {@code dispute-tables} in disputes, through {@link Part4Source}'s module)
 * record a change with {@link #changed} or {@link #changedFrom} in the transaction that moves their
 * counters; the publisher reads {@link #pending}, sends the tables and calls {@link #published}.
 *
 * <p>Carried over and carried forward are running balances, so a change dated in year Y changes every
 * later year too: {@link #changedFrom} names the first year, the years up to the current one follow
 * when the change is published.
 */
@Component
public class AnnualTablesChanges {

    /** Only one instance publishes at a time (a transaction-scoped advisory lock), so a key's records stay in order. */
    private static final long PUBLISHER_LOCK = 0x616e6e75616cL;

    private final JdbcClient jdbc;

    public AnnualTablesChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Year {@code year} of the agency changed. Must run in the transaction of the change. */
    public void changed(String agencyId, int year) {
        record(agencyId, year, false);
    }

    /** Year {@code year} of the agency and every later year changed. Must run in the transaction of the change. */
    public void changedFrom(String agencyId, int year) {
        record(agencyId, year, true);
    }

    private void record(String agencyId, int year, boolean throughCurrent) {
        if (!recordedInThisTransaction().add(new Recorded(agencyId, year, throughCurrent))) {
            // the same row was recorded earlier in this transaction: nobody can read it before the commit
            return;
        }
        jdbc.sql("""
                        insert into annual_tables_outbox (agency_id, from_year, through_current)
                        values (:agency, :year, :through)
                        on conflict (agency_id, from_year, through_current)
                        do update set change = nextval('annual_tables_outbox_change')""")
                .param("agency", ProjectionText.of(agencyId))
                .param("year", year)
                .param("through", throughCurrent)
                .update();
    }

    /**
     * The changes recorded in the current transaction (a processor's batch of up to a hundred events is one):
     * the outbox row of an agency-year is written once per transaction, not once per event.
     */
    private Set<Recorded> recordedInThisTransaction() {
        return TransactionScoped.value(this, HashSet::new);
    }

    private record Recorded(String agencyId, int year, boolean throughCurrent) {
    }

    /**
     * Takes this instance's turn to publish, for the current transaction: false if another instance is
     * publishing now. Within the turn the oldest changes are read, sent and marked published.
     */
    public boolean takeTurn() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", PUBLISHER_LOCK).query(Boolean.class).single());
    }

    /** The oldest {@code limit} unpublished changes. */
    public List<Change> pending(int limit) {
        return jdbc.sql("select agency_id, from_year, through_current, change from annual_tables_outbox"
                        + " order by change limit :limit")
                .param("limit", limit)
                .query((rs, n) -> new Change(rs.getString("agency_id"), rs.getInt("from_year"),
                        rs.getBoolean("through_current"), rs.getLong("change")))
                .list();
    }

    /**
     * Marks changes published: each is removed unless it was recorded again since it was read (then
     * its change number moved, and it stays for the next round).
     */
    public void published(List<Change> changes) {
        for (Change change : changes) {
            jdbc.sql("""
                            delete from annual_tables_outbox
                            where agency_id = :agency and from_year = :year and through_current = :through
                              and change = :change""")
                    .param("agency", change.agencyId())
                    .param("year", change.fromYear())
                    .param("through", change.throughCurrent())
                    .param("change", change.change())
                    .update();
        }
    }

    /** The agency-years a set of changes touches, by agency, years ascending, up to {@code currentYear}. */
    public static Map<String, TreeSet<Integer>> agencyYears(List<Change> changes, int currentYear) {
        Map<String, TreeSet<Integer>> all = new TreeMap<>();
        for (Change change : changes) {
            TreeSet<Integer> years = all.computeIfAbsent(change.agencyId(), a -> new TreeSet<>());
            if (!change.throughCurrent()) {
                years.add(change.fromYear());
                continue;
            }
            // an event stored before the edge bounded dates may carry the year -999999999: the loop
            // stays within the years the API accepts (issue 9), never a set of 10^9 years
            int from = InputBounds.clampYear(change.fromYear(), currentYear);
            for (int year = from; year <= Math.max(from, currentYear); year++) {
                years.add(year);
            }
        }
        return all;
    }

    /**
     * One unpublished change.
     *
     * @param throughCurrent whether every year from {@code fromYear} to the current one changed
     * @param change         the change number, which moves when the same change is recorded again
     */
    public record Change(String agencyId, int fromYear, boolean throughCurrent, long change) {
    }
}
