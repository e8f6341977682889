/**
 * The audit trail (审计): who did what, when, from where and why, for every event of the store,
 * read-only. Three views for auditors and the office head, each also as CSV: the history of one
 * application, the activity of one user over a period, and the after-the-fact changes of an
 * agency-year. Nothing here changes anything; the trail is a projection rebuilt from the events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "审计 / audit")
package cn.gongkai.ledger.audit;
