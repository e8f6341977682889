/**
 * The whole 政府信息公开工作年度报告 of one agency and year: part 二 (主动公开) entered by staff as events,
 * the prose of parts 一, 五 and 六 kept in versions, the first draft written from the tables, the
 * publication gate (errors block, warnings are acknowledged), the publication of the frozen document,
 * and its rendering as HTML, DOCX and PDF in the layout of its template version. It reads the tables
 * from {@code statistics}; it never counts applications itself.
 */
@org.springframework.modulith.ApplicationModule(displayName = "年度报告 / annual report")
package cn.gongkai.ledger.report;
