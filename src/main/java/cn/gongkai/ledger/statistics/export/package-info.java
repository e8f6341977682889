/**
 * The annual tables (parts 三 and 四) in the national layout of 国办公开办函〔2021〕30号, as JSON for
 * programs and as CSV, XLSX and HTML for people; every format is drawn from one {@link
 * cn.gongkai.ledger.statistics.export.OfficialLayout} so that they cannot disagree. The annual report's document
 * (module report) draws its tables from the same layout through {@link OfficialTable}.
 */
@org.springframework.modulith.NamedInterface("export")
package cn.gongkai.ledger.statistics.export;
