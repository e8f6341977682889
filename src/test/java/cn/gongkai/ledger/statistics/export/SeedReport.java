package cn.gongkai.ledger.statistics.export;

import static cn.gongkai.ledger.statistics.TableColumn.NATURAL_PERSON;
import static cn.gongkai.ledger.statistics.TableColumn.TOTAL;
import static cn.gongkai.ledger.statistics.TableRow.CARRIED_FORWARD;
import static cn.gongkai.ledger.statistics.TableRow.DISCLOSED;
import static cn.gongkai.ledger.statistics.TableRow.PARTIALLY_DISCLOSED;
import static cn.gongkai.ledger.statistics.TableRow.RECEIVED;
import static cn.gongkai.ledger.statistics.TableRow.RESOLVED_TOTAL;

import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of the published seed report (驻马店经济开发区管委会, 2021): 6 received from natural
 * persons, 1 disclosed, 4 partly disclosed, 5 concluded, 1 carried forward; no disputes.
 */
final class SeedReport {

    static final String AGENCY = "zmd-edz";
    static final String NAME = "驻马店经济开发区管委会";
    static final int YEAR = 2021;

    /** The official row labels, typed from the format, in order: the exports must print exactly these. */
    static final List<String> OFFICIAL_ROW_LABELS = List.of(
            "一、本年新收政府信息公开申请数量",
            "二、上年结转政府信息公开申请数量",
            "(一) 予以公开",
            "(二) 部分公开(区分处理的,只计这一情形,不计其他情形)",
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
            "1.本机关不掌握相关政府信息",
            "2.没有现成信息需要另行制作",
            "3.补正后申请内容仍不明确",
            "1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "3.其他",
            "(七) 总计",
            "四、结转下年度继续办理");

    static final String NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    private SeedReport() {
    }

    static Part3Table part3() {
        return Part3Table.builder(AGENCY, YEAR, true)
                .set(RECEIVED, NATURAL_PERSON, 6).set(RECEIVED, TOTAL, 6)
                .set(DISCLOSED, NATURAL_PERSON, 1).set(DISCLOSED, TOTAL, 1)
                .set(PARTIALLY_DISCLOSED, NATURAL_PERSON, 4).set(PARTIALLY_DISCLOSED, TOTAL, 4)
                .set(RESOLVED_TOTAL, NATURAL_PERSON, 5).set(RESOLVED_TOTAL, TOTAL, 5)
                .set(CARRIED_FORWARD, NATURAL_PERSON, 1).set(CARRIED_FORWARD, TOTAL, 1)
                .build();
    }

    static ExportedTables tables() {
        return new ExportedTables(AGENCY, NAME, YEAR, part3(), Part4Table.empty(AGENCY, YEAR), List.of());
    }

    /**
     * Not a real report: every cell holds a different number (row index × 10 + column index, part 四
     * 100 + group × 10 + column), so that a number printed in the wrong place is caught.
     */
    static ExportedTables distinctNumbers(boolean closed, List<String> failures) {
        Part3Table.Builder part3 = Part3Table.builder(AGENCY, YEAR, closed);
        for (TableRow row : TableRow.values()) {
            for (TableColumn column : TableColumn.values()) {
                part3.set(row, column, distinct(row, column));
            }
        }
        Map<DisputeGroup, Map<DisputeColumn, Long>> disputes = new EnumMap<>(DisputeGroup.class);
        for (DisputeGroup group : DisputeGroup.values()) {
            Map<DisputeColumn, Long> cells = new EnumMap<>(DisputeColumn.class);
            for (DisputeColumn column : DisputeColumn.values()) {
                cells.put(column, distinct(group, column));
            }
            disputes.put(group, cells);
        }
        return new ExportedTables(AGENCY, NAME, YEAR, part3.build(), new Part4Table(AGENCY, YEAR, disputes), failures);
    }

    static long distinct(TableRow row, TableColumn column) {
        return row.ordinal() * 10L + column.ordinal();
    }

    static long distinct(DisputeGroup group, DisputeColumn column) {
        return 100L + group.ordinal() * 10L + column.ordinal();
    }
}
