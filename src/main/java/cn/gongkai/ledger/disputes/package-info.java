/**
 * Reconsideration and litigation (复议诉讼) about this agency's answers: each case as an
 * event-sourced {@code Dispute}, its REST API, and the part 四 table of the annual report. The root
 * package is the public API: the case kinds and results and {@link cn.gongkai.ledger.disputes.DisputeTables}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "复议诉讼 / disputes")
package cn.gongkai.ledger.disputes;
