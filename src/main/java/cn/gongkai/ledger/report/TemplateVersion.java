package cn.gongkai.ledger.report;

/**
 * The national layout a report is printed in. The codes of the tables are the same in both; the layout maps
 * them: {@link #FORMAT_2019} prints the three (六)其他处理 rows as one row holding their sum, and the older
 * part 二 rows.
 */
public enum TemplateVersion {

    /** 国办公开办函〔2021〕30号: reports of 2021 and later. */
    FORMAT_2021("2021", "国办公开办函〔2021〕30号"),
    /** 国办公开办函〔2019〕60号: reports before 2021, and later ones of offices that still print it. */
    FORMAT_2019("2019", "国办公开办函〔2019〕60号");

    private final String code;
    private final String notice;

    TemplateVersion(String code, String notice) {
        this.code = code;
        this.notice = notice;
    }

    /** The code in the API and on Kafka: {@code 2021} or {@code 2019}. */
    public String code() {
        return code;
    }

    /** The notice that set the format. */
    public String notice() {
        return notice;
    }

    /** The layout of its time for a report year. */
    public static TemplateVersion defaultFor(int reportYear) {
        return reportYear >= 2021 ? FORMAT_2021 : FORMAT_2019;
    }
}
