package cn.gongkai.ledger.audit;

/**
 * A change to an agency-year's tables made after the fact: a correction, or a registration,
 * conclusion or carry-forward recorded after the year was closed. {@code kindLabel} names it in
 * Chinese; {@code correctsCarryForward} marks a late conclusion of an application that the close
 * had carried forward, whose carry-forward it thereby corrects.
 */
record AuditChange(ChangeKind kind, String kindLabel, boolean correctsCarryForward, AuditStep step) {
}
