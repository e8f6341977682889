package cn.gongkai.ledger.platform;

import java.util.Map;

/** The Chinese name of every input field, so that an error can name the field as a case handler knows it. */
public final class FieldLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("requestId", "申请编号"),
            Map.entry("agencyId", "机关"),
            Map.entry("channel", "申请渠道"),
            Map.entry("receivedOn", "收到申请日期"),
            Map.entry("applicantCategory", "申请人类别"),
            Map.entry("applicant", "申请人"),
            Map.entry("applicant.name", "申请人姓名或名称"),
            Map.entry("applicant.idDocumentType", "证件类型"),
            Map.entry("applicant.idNumber", "证件号码"),
            Map.entry("applicant.phone", "联系电话"),
            Map.entry("applicant.address", "通信地址"),
            Map.entry("informationRequested", "所需政府信息的名称、文号或描述"),
            Map.entry("deliveryForm", "获取信息的方式"),
            Map.entry("whatIsUnclear", "需补正事项"),
            Map.entry("requestedOn", "告知补正日期"),
            Map.entry("correctionDueOn", "补正期限"),
            Map.entry("party", "征求意见对象类型"),
            Map.entry("consulted", "征求意见对象"),
            Map.entry("startedOn", "征求意见日期"),
            Map.entry("answeredOn", "答复日期"),
            Map.entry("workingDays", "延长工作日数"),
            Map.entry("reason", "理由"),
            Map.entry("extendedOn", "延期日期"),
            Map.entry("method", "收费方式"),
            Map.entry("quantity", "件数或页数"),
            Map.entry("amountFen", "金额（分）"),
            Map.entry("issuedOn", "收费通知日期"),
            Map.entry("payableBy", "缴费期限"),
            Map.entry("paidOn", "缴费日期"),
            Map.entry("waivedOn", "减免日期"),
            Map.entry("outcome", "办理结果"),
            Map.entry("legalBasis", "法律依据"),
            Map.entry("text", "答复内容"),
            Map.entry("withdrawnOn", "撤回日期"),
            Map.entry("cause", "终止原因"),
            Map.entry("concludedOn", "办结日期"),
            Map.entry("fromYear", "结转年度"),
            Map.entry("correctedOn", "更正日期"),
            Map.entry("archivedOn", "归档日期"),
            Map.entry("erasedOn", "删除日期"),
            Map.entry("If-Match", "版本号"),
            Map.entry("Idempotency-Key", "幂等键"),
            Map.entry("status", "状态"),
            Map.entry("year", "年度"),
            Map.entry("category", "申请人类别"),
            Map.entry("dueWithin", "剩余工作日"),
            Map.entry("username", "用户名"),
            Map.entry("displayName", "姓名"),
            Map.entry("password", "密码"),
            Map.entry("roles", "角色"),
            Map.entry("page", "页码"),
            Map.entry("size", "每页条数"),
            Map.entry("from", "起始日期"),
            Map.entry("to", "截止日期"),
            Map.entry("format", "导出格式"),
            Map.entry("holidays", "法定节假日"),
            Map.entry("adjustedWorkdays", "调休上班日"),
            Map.entry("body", "请求内容"),
            Map.entry("disputeId", "复议诉讼案件编号"),
            Map.entry("kind", "复议诉讼类型"),
            Map.entry("filedOn", "申请复议或起诉日期"),
            Map.entry("caseNumber", "案号"),
            Map.entry("authority", "复议机关或法院"),
            Map.entry("result", "审结结果"),
            Map.entry("decidedOn", "审结日期"),
            Map.entry("summary", "结果摘要"),
            Map.entry("name", "名称"),
            Map.entry("serviceAccount", "服务账号"),
            Map.entry("expiresAt", "有效期至"));

    private FieldLabels() {
    }

    /** The Chinese label of a field, or the field's own name when none is known. */
    public static String labelOf(String field) {
        return LABELS.getOrDefault(field, field);
    }
}
