package cn.gongkai.ledger.requests.write.notices;

import java.time.Instant;

/**
 * What an agency prints on every notice. Version 0 is the built-in default, derived from the agency
 * directory; each change by the agency's ADMIN is a new version, with who and when.
 *
 * @param numberPrefix the 文号's agency code, e.g. 驻经开公开: numbers read 驻经开公开〔2026〕12号
 * @param sealText     the seal's words, printed where the seal goes, e.g. 驻马店经济开发区管委会
 * @param reconsiderationAuthority the authority named for 行政复议 in the remedies
 * @param court        the court named for 行政诉讼 in the remedies
 */
public record Letterhead(int version, String agencyName, String numberPrefix, String sealText,
                         String reconsiderationAuthority, String court, String changedBy, Instant changedAt) {

    /** The 文号 of the {@code number}th letter of {@code year}: 〔〕 and no leading zeros, as GB/T 9704 prints it. */
    public String documentNumber(int year, int number) {
        return numberPrefix + "〔" + year + "〕" + number + "号";
    }
}
