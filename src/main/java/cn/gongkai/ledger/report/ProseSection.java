package cn.gongkai.ledger.report;

/** The prose of the report staff write: part 一's five sub-sections, part 五 and part 六. */
public enum ProseSection {

    PART1_PROACTIVE("一", "（一）主动公开情况"),
    PART1_REQUESTS("一", "（二）依申请公开办理情况"),
    PART1_MANAGEMENT("一", "（三）政府信息管理"),
    PART1_PLATFORMS("一", "（四）政府信息公开平台建设情况"),
    PART1_SUPERVISION("一", "（五）监督保障"),
    PART5("五", "五、存在的主要问题及改进情况"),
    PART6("六", "六、其他需要报告的事项");

    private final String part;
    private final String heading;

    ProseSection(String part, String heading) {
        this.part = part;
        this.heading = heading;
    }

    /** The part it belongs to: 一, 五 or 六. */
    public String part() {
        return part;
    }

    /** Its heading as printed. */
    public String heading() {
        return heading;
    }
}
