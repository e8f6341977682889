package cn.gongkai.ledger.statistics;

import java.util.Collection;
import java.util.List;

/**
 * Where part 四 comes from: the disputes module implements it, so that the annual tables can
 * include reconsideration and litigation without depending on how disputes are kept.
 */
public interface Part4Source {

    /** Part 四 summed over the agencies for the year. */
    Part4Table part4(Collection<String> agencyIds, int year);

    /** Part 四 as it stood at {@code at}, by recorded time. */
    Part4Table part4AsOf(Collection<String> agencyIds, int year, java.time.Instant at);

    /**
     * Every move of a case of the agency into or out of a cell of part 四 of the year by an event
     * recorded after {@code since}, oldest first: the events behind a changed cell.
     */
    List<Part4Change> changesSince(String agencyId, int year, java.time.Instant since);

    /**
     * The failures of part 四's rule {@value #TOTAL_RULE} (UPHELD + CORRECTED + OTHER + PENDING = TOTAL per
     * group), each with its message in Chinese and English and the cells involved ({@code GROUP/COLUMN}).
     */
    List<ReconciliationFailure> check(Part4Table table);

    /** The name of part 四's one reconciliation rule. */
    String TOTAL_RULE = "Part4TotalIsSumOfResults";
}
