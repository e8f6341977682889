package cn.gongkai.ledger.statistics.export;

import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an export shows: one agency's parts 三 and 四 for one year, and the outcome of the
 * reconciliation checks (勾稽关系) run on them.
 *
 * @param agencyId               the agency's code, as in the tables
 * @param agencyName             the agency's official name, used in the title
 *                               ("驻马店经济开发区管委会")
 * @param year                   the report year; both tables must be of this agency and year
 * @param part3                  part 三
 * @param part4                  part 四
 * @param reconciliationFailures one sentence per failed check, empty when the tables reconcile;
 *                               the exports show them so an unreconciled table is never
 *                               published unnoticed
 * @param dataAsOf               when the figures were read (the export time, or the past instant they are shown
 *                               as of); the human formats print it as 数据截至; null prints no status lines
 * @param published              the latest published version of this agency-year, or null when none is
 */
public record ExportedTables(
        String agencyId,
        String agencyName,
        int year,
        Part3Table part3,
        Part4Table part4,
        List<String> reconciliationFailures,
        Instant dataAsOf,
        PublishedVersion published) {

    /** A published version of the year's tables: its number and when it was published. */
    public record PublishedVersion(int version, Instant publishedAt) {
    }

    /** Tables without status lines (no 数据截至, no published version). */
    public ExportedTables(String agencyId, String agencyName, int year, Part3Table part3, Part4Table part4,
                          List<String> reconciliationFailures) {
        this(agencyId, agencyName, year, part3, part4, reconciliationFailures, null, null);
    }

    public ExportedTables {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(agencyName, "agencyName");
        Objects.requireNonNull(part3, "part3");
        Objects.requireNonNull(part4, "part4");
        if (agencyName.isBlank()) {
            throw new IllegalArgumentException("agencyName must not be blank");
        }
        if (!agencyId.equals(part3.agencyId()) || part3.year() != year) {
            throw new IllegalArgumentException("part 三 is of " + part3.agencyId() + "/" + part3.year()
                    + ", not of " + agencyId + "/" + year);
        }
        if (!agencyId.equals(part4.agencyId()) || part4.year() != year) {
            throw new IllegalArgumentException("part 四 is of " + part4.agencyId() + "/" + part4.year()
                    + ", not of " + agencyId + "/" + year);
        }
        reconciliationFailures = List.copyOf(reconciliationFailures == null ? List.of() : reconciliationFailures);
    }

    /** Whether the year has been closed; an open year's tables are figures "as of now". */
    public boolean closed() {
        return part3.closed();
    }

    public boolean reconciled() {
        return reconciliationFailures.isEmpty();
    }

    /** The report's title, as agencies print it: "驻马店经济开发区管委会2021年政府信息公开工作年度报告". */
    public String title() {
        return agencyName + year + "年政府信息公开工作年度报告";
    }
}
