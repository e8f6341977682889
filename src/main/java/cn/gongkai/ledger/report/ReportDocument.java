package cn.gongkai.ledger.report;

import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the rendered report shows, resolved: the prose with its figures filled in, the tables as they
 * stand. Built by the report module from its events and the tables, rendered by the document renderers
 * (HTML, DOCX, PDF), frozen in the publication. Plain data, no behaviour beyond the title.
 *
 * @param agencyName the agency's official name, as in the title line
 * @param year       the report year
 * @param template   the national layout to print it in
 * @param part1      一、总体情况: its five sub-sections in order ((一)主动公开情况 … (五)监督保障)
 * @param part2      二、主动公开政府信息情况
 * @param part3      三、收到和处理政府信息公开申请情况
 * @param part4      四、政府信息公开行政复议、行政诉讼情况
 * @param part5      五、存在的主要问题及改进情况: paragraphs
 * @param part6      六、其他需要报告的事项: paragraphs (the 信息处理费 sentence among them)
 * @param dataAsOf   when the figures were read (数据截至)
 * @param publication the published version this document is, if it is one
 */
public record ReportDocument(String agencyName, int year, TemplateVersion template, List<Section> part1,
                             Part2 part2, Part3Table part3, Part4Table part4, List<String> part5,
                             List<String> part6, Instant dataAsOf, Optional<Publication> publication) {

    public ReportDocument {
        part1 = List.copyOf(part1);
        part5 = List.copyOf(part5);
        part6 = List.copyOf(part6);
    }

    /** 《[机关名称][年份]年政府信息公开工作年度报告》 without the brackets. */
    public String title() {
        return agencyName + year + "年政府信息公开工作年度报告";
    }

    /** A sub-section of part 一: its heading (e.g. "（一）主动公开情况") and its paragraphs. */
    public record Section(String heading, List<String> paragraphs) {
        public Section {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /**
     * 二、主动公开政府信息情况 in the 2021 format. Counts are whole numbers; {@code feesInTenThousandYuan} is
     * 万元 with exactly 4 decimals (1165.5066). A figure not entered is empty.
     */
    public record Part2(Documents regulations, Documents normativeDocuments, Optional<Long> licensing,
                        Optional<Long> penalties, Optional<Long> enforcement,
                        Optional<BigDecimal> feesInTenThousandYuan) {
    }

    /** 本年制发件数 / 本年废止件数 / 现行有效件数 of 规章 or 行政规范性文件. */
    public record Documents(Optional<Long> issued, Optional<Long> repealed, Optional<Long> inForce) {
    }

    /** Which published version this is, when, by whom, and what changed from the previous one. */
    public record Publication(int version, Instant publishedAt, String publishedBy, Optional<String> changeNote) {
    }
}
