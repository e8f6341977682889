package cn.gongkai.ledger.platform;

/**
 * Nothing by that identifier for the acting user: answered with 404. An application of another
 * agency is "not found" too, so that its existence is not revealed.
 */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what);
    }
}
