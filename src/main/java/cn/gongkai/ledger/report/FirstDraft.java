package cn.gongkai.ledger.report;

import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The service's first draft of the prose it can write from what it knows, in the register of the published
 * reports ("2021年，开发区管委会共收到6件政府信息公开申请，…办结5件，转下一年度办理1件，未发生因办理情况引起的
 * 行政复议和行政诉讼"). Every figure is a placeholder bound to its cell. Sections the service knows nothing about
 * ((三) 政府信息管理, (四) 平台建设, (五) 监督保障, part 五) are left to staff.
 */
final class FirstDraft {

    /** Outcome groups named in the breakdown, with the placeholder that sums them. */
    private static final List<String[]> OUTCOMES = List.of(
            new String[] {"DISCLOSED", "予以公开"},
            new String[] {"PARTIALLY_DISCLOSED", "部分公开"},
            new String[] {"WITHHELD_*", "不予公开"},
            new String[] {"UNAVAILABLE_*", "无法提供"},
            new String[] {"NOT_PROCESSED_*", "不予处理"},
            new String[] {"OTHER_*", "其他处理"});

    private FirstDraft() {
    }

    static Map<ProseSection, String> write(BoundFigures figures) {
        Map<ProseSection, String> drafts = new EnumMap<>(ProseSection.class);
        drafts.put(ProseSection.PART1_PROACTIVE, proactive());
        drafts.put(ProseSection.PART1_REQUESTS, requests(figures));
        drafts.put(ProseSection.PART6, part6());
        return drafts;
    }

    private static String proactive() {
        return "{{年度}}年，{{机关}}制发规章{{二.REGULATIONS_ISSUED}}件、废止{{二.REGULATIONS_REPEALED}}件，现行有效"
                + "{{二.REGULATIONS_IN_FORCE}}件；制发行政规范性文件{{二.NORMATIVE_DOCUMENTS_ISSUED}}件、废止"
                + "{{二.NORMATIVE_DOCUMENTS_REPEALED}}件，现行有效{{二.NORMATIVE_DOCUMENTS_IN_FORCE}}件。"
                + "全年作出行政许可决定{{二.LICENSING}}件、行政处罚决定{{二.PENALTIES}}件、行政强制决定"
                + "{{二.ENFORCEMENT}}件，行政事业性收费{{二.FEES}}万元。";
    }

    private static String requests(BoundFigures figures) {
        StringBuilder text = new StringBuilder("{{年度}}年，{{机关}}共收到{{三.RECEIVED.TOTAL}}件政府信息公开申请");
        if (figures.part3().cell(TableRow.CARRIED_OVER, TableColumn.TOTAL) > 0) {
            text.append("，上年结转{{三.CARRIED_OVER.TOTAL}}件");
        }
        text.append("，并按规定程序进行了办理，办结{{三.RESOLVED_TOTAL.TOTAL}}件，转下一年度办理{{三.CARRIED_FORWARD.TOTAL}}件，"
                + "{{句.复议诉讼}}。");
        List<String> breakdown = new ArrayList<>();
        for (String[] outcome : OUTCOMES) {
            if (figures.part3Cell(outcome[0], TableColumn.TOTAL) > 0) {
                breakdown.add(outcome[1] + "{{三." + outcome[0] + ".TOTAL}}件");
            }
        }
        if (!breakdown.isEmpty()) {
            text.append("办结的申请中，").append(String.join("，", breakdown)).append("。");
        }
        return text.toString();
    }

    private static String part6() {
        return "{{句.信息处理费}}。";
    }
}
