/**
 * The official working-day calendar, kept as data per year, and the statutory deadlines of
 * 条例 第三十三条 counted on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "工作日历 / working-day calendar")
package cn.gongkai.ledger.calendar;
