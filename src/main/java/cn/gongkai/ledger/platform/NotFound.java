package cn.gongkai.ledger.platform;

/**
 * Nothing by that identifier for the acting user: answered with 404. An application of another
 * agency is "not found" too, so that its existence is not revealed.
 *
 * <p>Where the reason is not a secret (a report not yet published, say), a {@code rule} name and a
 * message in Chinese and English say why; otherwise the answer is a bare 未找到.
 */
public class NotFound extends RuntimeException {

    private final String rule;
    private final String messageZh;
    private final String messageEn;

    public NotFound(String what) {
        this(what, null, null, null);
    }

    public NotFound(String what, String rule, String messageZh, String messageEn) {
        super(what);
        this.rule = rule;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    /** The stable name of why nothing is found, or null for a bare 未找到. */
    public String rule() {
        return rule;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
