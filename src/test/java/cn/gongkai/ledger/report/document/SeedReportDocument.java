package cn.gongkai.ledger.report.document;

import cn.gongkai.ledger.report.ReportDocument;
import cn.gongkai.ledger.report.ReportDocument.Documents;
import cn.gongkai.ledger.report.ReportDocument.Part2;
import cn.gongkai.ledger.report.ReportDocument.Section;
import cn.gongkai.ledger.report.TemplateVersion;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The seed report (驻马店经济开发区管委会, 2021) as a {@link ReportDocument}: its figures (6 received, 1 予以公开,
 * 4 部分公开, 1 carried forward, all from natural persons; part 二 规章 0/0/0, 行政规范性文件 2/66/61, 行政许可 124,
 * 行政处罚 0, 行政强制 0, 行政事业性收费 1165.5066) and its prose.
 */
final class SeedReportDocument {

    static final String AGENCY = "zmd-edz";
    static final String NAME = "驻马店经济开发区管委会";
    static final int YEAR = 2021;

    private SeedReportDocument() {
    }

    static Part3Table part3() {
        return Part3Table.builder(AGENCY, YEAR, true)
                .set(TableRow.RECEIVED, TableColumn.NATURAL_PERSON, 6).set(TableRow.RECEIVED, TableColumn.TOTAL, 6)
                .set(TableRow.DISCLOSED, TableColumn.NATURAL_PERSON, 1).set(TableRow.DISCLOSED, TableColumn.TOTAL, 1)
                .set(TableRow.PARTIALLY_DISCLOSED, TableColumn.NATURAL_PERSON, 4)
                .set(TableRow.PARTIALLY_DISCLOSED, TableColumn.TOTAL, 4)
                .set(TableRow.RESOLVED_TOTAL, TableColumn.NATURAL_PERSON, 5)
                .set(TableRow.RESOLVED_TOTAL, TableColumn.TOTAL, 5)
                .set(TableRow.CARRIED_FORWARD, TableColumn.NATURAL_PERSON, 1)
                .set(TableRow.CARRIED_FORWARD, TableColumn.TOTAL, 1)
                .build();
    }

    static Part2 part2() {
        return new Part2(new Documents(Optional.of(0L), Optional.of(0L), Optional.of(0L)),
                new Documents(Optional.of(2L), Optional.of(66L), Optional.of(61L)), Optional.of(124L),
                Optional.of(0L), Optional.of(0L), Optional.of(new BigDecimal("1165.5066")));
    }

    static ReportDocument report(TemplateVersion template, Part3Table part3) {
        return new ReportDocument(NAME, YEAR, template, part1(), part2(), part3, Part4Table.empty(AGENCY, YEAR),
                List.of("存在问题：2021年，开发区管委会政务公开工作取得了部分成效，但与《中华人民共和国政府信息公开条例》规定、"
                                + "公众的需求还有一定差距：一是政务公开工作覆盖面不够广、时效性不够强，信息公开的内容还需进一步丰富；"
                                + "二是政务公开工作规范化、制度化水平有待提高；三是政务公开工作人员专业素质还有待提高。",
                        "下一步措施：2022年，开发区管委会将从以下方面加以改进：一是按照“公开为原则，不公开为例外”的总体要求，"
                                + "进一步梳理政务信息，丰富信息公开的内容，增强信息公开的时效性；二是加强对有关政务公开的法律、"
                                + "法规和政策的学习；三是进一步规范、细化政府信息公开工作制度，加强人员培训和工作交流。"),
                List.of("1. 2021年度开发区管委会未收取信息处理费。",
                        "2. 开发区管委会2021年行政事业性收费金额为驻马店经济开发区财政局提供。",
                        "3. 开发区管委会依据清理结果得出本年度行政规范性文件的废止件数与现行有效件数。"),
                Instant.parse("2022-01-10T02:00:00Z"),
                Optional.of(new ReportDocument.Publication(1, Instant.parse("2022-01-20T01:30:00Z"), "head-1",
                        Optional.empty())));
    }

    static ReportDocument report() {
        return report(TemplateVersion.FORMAT_2021, part3());
    }

    private static List<Section> part1() {
        return List.of(
                new Section("(一) 主动公开情况", List.of("2021年，驻马店经济开发区管委会按照《国务院办公厅关于印发2021年政务公开工作要点的通知》，"
                        + "加强组织领导，做好开发区关键领域、关键环节的信息公开。全年在市政府网站发布各类信息236条，"
                        + "主动公开信息共2753条，其中概况类信息426条、政务动态类信息1123条、信息公开目录信息1204条。")),
                new Section("(二) 依申请公开办理情况", List.of("按照《中华人民共和国政府信息公开条例》要求，开发区管委会不断完善健全"
                        + "依申请公开工作制度。2021年，开发区管委会共收到6件政府信息公开申请，并按规定程序进行了办理，办结5件，"
                        + "转下一年度办理1件，未发生因办理情况引起的行政复议和行政诉讼。")),
                new Section("(三) 政府信息管理", List.of("开发区管委会持续深化门户网站信息发布审核关，每周定期开展网站内容保障巡查检查，"
                        + "建立健全政务公开保密审查机制，做到编审分离。")),
                new Section("(四) 政府信息公开平台建设情况", List.of("2021年，开发区管委会按照要求完成了门户网站IPV6的改版，"
                        + "同步完成了主动公开信息的迁移归类。")),
                new Section("(五) 监督保障", List.of("开发区管委会严格执行政府信息公开制度，要求各部门协同联动，"
                        + "加强工作人员培训力度，定期开展政务公开培训工作。")));
    }
}
