package cn.gongkai.ledger.requests.write.notices;

import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;

/**
 * The built-in text of each notice (template version 0), one paragraph a line, with {@code {{占位符}}}
 * filled from the application's events ({@link Placeholders}). An agency's ADMIN may replace any of
 * them; the answer letter's remedies are appended after whatever text is used, never part of it.
 */
final class DefaultTexts {

    private DefaultTexts() {
    }

    static String of(NoticeKind kind, Outcome outcome) {
        return switch (kind) {
            case ACKNOWLEDGEMENT -> """
                    本机关于{{收到申请日期}}收到您通过{{申请渠道}}提出的政府信息公开申请，申请公开“{{申请内容}}”，已予登记，登记号为{{登记号}}。
                    根据《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将自收到申请之日起20个工作日内，即于{{答复期限}}前予以答复；需要延长答复期限的，将另行告知。征求第三方和其他机关意见所需时间不计算在答复期限内。
                    特此告知。""";
            case CORRECTION_NOTICE -> """
                    本机关于{{收到申请日期}}收到您提出的政府信息公开申请（登记号：{{登记号}}）。经审查，您的申请内容不明确，需要补正的事项如下：
                    {{补正事项}}
                    根据《中华人民共和国政府信息公开条例》第三十条的规定，请您于{{补正期限}}前向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。
                    特此告知。""";
            case EXTENSION_NOTICE -> """
                    本机关于{{收到申请日期}}收到您提出的政府信息公开申请（登记号：{{登记号}}），原定于{{原答复期限}}前答复。
                    因{{延期理由}}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{延长工作日}}个工作日，本机关将于{{延长后答复期限}}前予以答复。
                    特此告知。""";
            case CONSULTATION_LETTER -> """
                    本机关于{{收到申请日期}}收到一份政府信息公开申请（登记号：{{登记号}}），申请公开“{{申请内容}}”。本机关认为该信息公开可能损害贵方合法权益。
                    根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。请贵方自收到本函之日起15个工作日内，即于{{提出意见期限}}前提出书面意见；逾期未提出意见的，由本机关依照条例的规定决定是否公开。贵方不同意公开的，请说明理由。
                    特此函询。""";
            case FEE_NOTICE -> """
                    本机关于{{收到申请日期}}收到您提出的政府信息公开申请（登记号：{{登记号}}）。您申请公开政府信息的数量、频次明显超过合理范围，根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关收取信息处理费。
                    计收方式：{{收费方式}}（{{收费数量}}）；应缴金额：{{收费金额}}。
                    请您于{{缴费期限}}前缴纳上述费用。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。
                    特此通知。""";
            case ANSWER -> ANSWER_OPENING + "\n" + decision(outcome) + "\n{{答复正文}}";
        };
    }

    private static final String ANSWER_OPENING =
            "本机关于{{收到申请日期}}收到您提出的政府信息公开申请（登记号：{{登记号}}），申请公开“{{申请内容}}”。经审查，现答复如下：";

    private static String decision(Outcome outcome) {
        return switch (outcome) {
            case DISCLOSED -> "您申请公开的政府信息属于可以公开的政府信息。根据{{法律依据}}的规定，本机关决定予以公开，现将该政府信息提供给您。";
            case PARTIALLY_DISCLOSED -> "您申请公开的政府信息中含有不应当公开的内容，但是能够作区分处理。根据{{法律依据}}的规定，本机关向您提供可以公开的政府信息内容，并对不予公开的内容说明理由如下。";
            case WITHHELD_STATE_SECRET -> "您申请公开的政府信息依法确定为国家秘密。根据{{法律依据}}的规定，本机关决定不予公开。";
            case WITHHELD_PROHIBITED_BY_LAW -> "您申请公开的政府信息属于法律、行政法规禁止公开的政府信息。根据{{法律依据}}的规定，本机关决定不予公开。";
            case WITHHELD_ENDANGERS_SAFETY_STABILITY -> "您申请公开的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据{{法律依据}}的规定，本机关决定不予公开。";
            case WITHHELD_THIRD_PARTY_RIGHTS -> "您申请公开的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。根据{{法律依据}}的规定，本机关决定不予公开。";
            case WITHHELD_INTERNAL_AFFAIRS -> "您申请公开的政府信息属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）。根据{{法律依据}}的规定，本机关决定不予公开。";
            case WITHHELD_PROCESS_INFORMATION -> "您申请公开的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据{{法律依据}}的规定，本机关决定不予公开。";
            case WITHHELD_ENFORCEMENT_CASE_FILE -> "您申请公开的政府信息属于行政执法案卷信息。根据{{法律依据}}的规定，本机关决定不予公开。";
            case WITHHELD_ADMINISTRATIVE_INQUIRY -> "您申请公开的信息属于行政查询事项，有关法律、行政法规对信息的获取有特别规定。根据{{法律依据}}的规定，请您依照有关法律、行政法规的规定办理。";
            case UNAVAILABLE_NOT_HELD -> "经检索，本机关未制作、获取您申请公开的政府信息。根据{{法律依据}}的规定，告知您该政府信息不存在。";
            case UNAVAILABLE_REQUIRES_COMPILATION -> "本机关没有您申请公开的现成信息，需要对现有政府信息进行加工、分析方能形成。根据{{法律依据}}的规定，本机关不予提供。";
            case UNAVAILABLE_UNCLEAR_AFTER_CORRECTION -> "本机关已一次性告知您补正申请，补正后您的申请内容仍不明确，本机关无法确定您所申请公开的政府信息。根据{{法律依据}}的规定，本机关无法提供。";
            case NOT_PROCESSED_PETITION_OR_COMPLAINT -> "您以政府信息公开申请的形式进行信访、投诉、举报等活动。根据{{法律依据}}的规定，本机关不作为政府信息公开申请处理，您可以通过信访、投诉、举报等相应渠道提出。";
            case NOT_PROCESSED_DUPLICATE -> "本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同政府信息。根据{{法律依据}}的规定，本机关不予重复处理。";
            case NOT_PROCESSED_PUBLICATION -> "您申请的内容为要求本机关提供政府公报、报刊、书籍等公开出版物。根据{{法律依据}}的规定，告知您通过公开发行渠道获取。";
            case NOT_PROCESSED_EXCESSIVE -> "您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，您的申请理由不合理。根据{{法律依据}}的规定，本机关不予处理。";
            case NOT_PROCESSED_CONFIRMATION_OR_REISSUE -> "您的申请系要求本机关确认或者重新出具您已获取的信息，不属于申请公开政府信息。根据{{法律依据}}的规定，本机关不作为政府信息公开申请处理。";
            case OTHER_CORRECTION_NOT_SUBMITTED -> "本机关于{{告知补正日期}}告知您补正申请，补正期限至{{补正期限}}，您无正当理由逾期未补正。根据{{法律依据}}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。";
            case OTHER_FEE_NOT_PAID -> "本机关于{{收费通知日期}}向您发出收费通知，缴费期限至{{缴费期限}}，您逾期未按收费通知要求缴纳费用。根据{{法律依据}}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。";
            case OTHER_OTHER -> "根据{{法律依据}}的规定，本机关对您的申请处理如下。";
        };
    }
}
