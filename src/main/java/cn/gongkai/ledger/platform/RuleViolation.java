package cn.gongkai.ledger.platform;

/**
 * A business rule said no: answered with 422 and the rule's message, in the domain's words.
 * Nothing is stored.
 *
 * <p>{@code rule} is a stable name ({@code ExtensionOnlyOnce}) that clients and tests may rely on;
 * {@code field} names the input the rule is about, or is null.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final String field;
    private final String messageZh;
    private final String messageEn;

    public RuleViolation(String rule, String field, String messageZh, String messageEn) {
        super(rule + ": " + messageEn);
        this.rule = rule;
        this.field = field;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public RuleViolation(String rule, String messageZh, String messageEn) {
        this(rule, null, messageZh, messageEn);
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
