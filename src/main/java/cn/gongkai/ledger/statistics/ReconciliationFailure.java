package cn.gongkai.ledger.statistics;

import java.util.List;

/**
 * One reconciliation rule (勾稽关系) that does not hold: which rule, the cells involved
 * ({@code RECEIVED/NATURAL_PERSON}), and the applications counted in those cells.
 */
public record ReconciliationFailure(String rule, String messageZh, String messageEn, List<String> cells,
                                    List<String> registrationNumbers) {

    public ReconciliationFailure {
        cells = List.copyOf(cells);
        registrationNumbers = List.copyOf(registrationNumbers);
    }

    public ReconciliationFailure withApplications(List<String> numbers) {
        return new ReconciliationFailure(rule, messageZh, messageEn, cells, numbers);
    }
}
