/**
 * The annual report's tables, projected from the events of individual applications: part 三
 * (applications received and concluded) and part 四 (reconsideration and litigation), the year
 * close, the reconciliation checks (勾稽关系) and the exports in the national layout.
 */
@org.springframework.modulith.ApplicationModule(displayName = "年度报表 / annual tables")
package cn.gongkai.ledger.statistics;
