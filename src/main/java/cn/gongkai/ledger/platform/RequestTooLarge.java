package cn.gongkai.ledger.platform;

/** A request body above the configured limit: answered with 413 before anything is read into memory. */
public class RequestTooLarge extends RuntimeException {

    public RequestTooLarge(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
