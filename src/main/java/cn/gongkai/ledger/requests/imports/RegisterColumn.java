package cn.gongkai.ledger.requests.imports;

/**
 * The columns of an imported register (台账), in the template's order, each with its Chinese header as the
 * file must spell it. Codes (channels, applicant categories, outcomes) are the official labels the service
 * shows everywhere else; the code names are accepted too.
 */
public enum RegisterColumn {
    REGISTRATION_NUMBER("登记号", "registrationNumber", true, "2021-0001"),
    RECEIVED_ON("收到申请日期", "receivedOn", true, "2021-03-08"),
    CHANNEL("申请渠道", "channel", true, "互联网渠道"),
    APPLICANT_CATEGORY("申请人类型", "applicantCategory", true, "自然人"),
    APPLICANT_NAME("申请人姓名/名称", "applicantName", true, "张三"),
    ID_DOCUMENT_TYPE("证件类型", "idDocumentType", false, "居民身份证"),
    ID_NUMBER("证件号码", "idNumber", false, "410102199001011234"),
    PHONE("联系电话", "phone", false, "13800000000"),
    ADDRESS("地址", "address", false, "驻马店市开发区某路1号"),
    INFORMATION_REQUESTED("申请内容", "informationRequested", true, "某项目的环评批复"),
    DELIVERY_FORM("获取信息方式", "deliveryForm", false, "电子数据·电子邮件"),
    EXTENDED("是否延期", "extended", false, "否"),
    EXTENDED_ON("延期日期", "extendedOn", false, ""),
    EXTENSION_DAYS("延长工作日数", "extensionWorkingDays", false, ""),
    OUTCOME("办理结果", "outcome", false, "(一) 予以公开"),
    CONCLUDED_ON("答复日期", "concludedOn", false, "2021-03-25");

    private final String header;
    private final String field;
    private final boolean required;
    private final String example;

    RegisterColumn(String header, String field, boolean required, String example) {
        this.header = header;
        this.field = field;
        this.required = required;
        this.example = example;
    }

    /** The Chinese header, character for character. */
    public String header() {
        return header;
    }

    /** The English field name errors use beside the header. */
    public String field() {
        return field;
    }

    public boolean required() {
        return required;
    }

    String example() {
        return example;
    }

    /** Whether the column holds the applicant's personal data: its values never appear in a report. */
    boolean personal() {
        return this == APPLICANT_NAME || this == ID_DOCUMENT_TYPE || this == ID_NUMBER || this == PHONE
                || this == ADDRESS || this == INFORMATION_REQUESTED;
    }
}
