package cn.gongkai.ledger.requests.write.receive;

/**
 * Hands out registration numbers, one series per agency and registration year: {@code 2026-0042}.
 * Called inside the registering command's transaction, so a registration that fails returns its
 * number and the series has no gaps.
 */
@FunctionalInterface
public interface RegistrationNumbers {

    String next(String agencyId, int year);
}
