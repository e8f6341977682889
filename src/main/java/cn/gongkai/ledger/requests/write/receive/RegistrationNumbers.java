package cn.gongkai.ledger.requests.write.receive;

/**
 * Hands out registration numbers, one series per agency and receipt year (the year the application
 * counts in, ADR 0016): {@code 2026-0042}. Called inside the registering command's transaction, so a registration that fails returns its
 * number and the series has no gaps.
 */
@FunctionalInterface
public interface RegistrationNumbers {

    /** The next number of the agency's series for {@code receiptYear}: {@code <receiptYear>-NNNN}, never handed out twice. */
    String next(String agencyId, int receiptYear);
}
