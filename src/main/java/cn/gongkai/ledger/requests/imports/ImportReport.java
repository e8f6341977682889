package cn.gongkai.ledger.requests.imports;

import cn.gongkai.ledger.requests.imports.RegisterRows.Refusal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a dry run found, and what a confirmed import did. No personal data: rows are named by their
 * number and registration number only.
 *
 * @param tables     per year, the part 三 counts this file's importable rows contribute: row code
 *                   ({@code RECEIVED}, {@code CARRIED_OVER}, the 21 outcome codes, {@code RESOLVED_TOTAL},
 *                   {@code CARRIED_FORWARD}) → column code (the six applicant categories and {@code TOTAL}) → count
 * @param openingBalance per year with an entered baseline: each column where the applications this file leaves
 *                   open at the end of the previous year differ from the baseline's 结转下年度继续办理
 */
public record ImportReport(UUID importId, String fileSha256, String kind, String status, int rowsTotal,
                           int rowsToImport, int rowsUnchanged, List<Refusal> refused, List<Differing> differing,
                           Map<Integer, Map<String, Map<String, Long>>> tables, List<BalanceDifference> openingBalance,
                           boolean confirmable) {

    /** A row whose registration number was imported before, from a row that read differently. */
    public record Differing(int row, String registrationNumber, UUID requestId, UUID importedBy, int importedRow,
                            String messageZh, String messageEn) {
    }

    /** One column where the baseline and the import disagree. */
    public record BalanceDifference(int year, String column, long baseline, long imported, String messageZh,
                                    String messageEn) {
    }
}
