package cn.gongkai.ledger.report.events;

/**
 * One figure of part 二 as entered: its code (a {@code Part2Figure} name), its value as exact decimal text
 * ({@code "61"}, {@code "1165.5066"}) and where it comes from, or null.
 */
public record Part2Entry(String figure, String value, String source) {
}
