package cn.gongkai.ledger.report;

/**
 * The cells of part 二 (主动公开政府信息情况) in the 2021 format, by code: what staff enter. Counts are whole
 * numbers; {@link #FEES} is 万元 with at most 4 decimals, kept at scale 4.
 */
public enum Part2Figure {

    REGULATIONS_ISSUED("规章", "本年制发件数"),
    REGULATIONS_REPEALED("规章", "本年废止件数"),
    REGULATIONS_IN_FORCE("规章", "现行有效件数"),
    NORMATIVE_DOCUMENTS_ISSUED("行政规范性文件", "本年制发件数"),
    NORMATIVE_DOCUMENTS_REPEALED("行政规范性文件", "本年废止件数"),
    NORMATIVE_DOCUMENTS_IN_FORCE("行政规范性文件", "现行有效件数"),
    LICENSING("行政许可", "本年处理决定数量"),
    PENALTIES("行政处罚", "本年处理决定数量"),
    ENFORCEMENT("行政强制", "本年处理决定数量"),
    FEES("行政事业性收费", "本年收费金额（单位：万元，保留4位小数）");

    private final String item;
    private final String column;

    Part2Figure(String item, String column) {
        this.item = item;
        this.column = column;
    }

    /** The row's official label (信息内容). */
    public String item() {
        return item;
    }

    /** The column's official label. */
    public String column() {
        return column;
    }

    /** 行政规范性文件·现行有效件数: how a finding names the cell. */
    public String label() {
        return item + "·" + column;
    }

    public boolean isMoney() {
        return this == FEES;
    }
}
