package cn.gongkai.ledger.platform;

/**
 * One thing wrong with one input field, said in Chinese and in English.
 *
 * @param field     the field's name in the JSON body, e.g. {@code receivedOn}
 * @param label     the field's Chinese name, e.g. 收到申请日期
 * @param messageZh what is wrong, in Chinese
 * @param messageEn what is wrong, in English
 */
public record FieldProblem(String field, String label, String messageZh, String messageEn) {

    public static FieldProblem of(String field, String messageZh, String messageEn) {
        return new FieldProblem(field, FieldLabels.labelOf(field), messageZh, messageEn);
    }
}
