package cn.gongkai.ledger.access;

import java.util.List;

/**
 * The metadata keys under which a command, and every event it produces, records who acted and
 * from where. The values are plain strings so that the metadata serializes the same way everywhere.
 */
public final class ActorMetaData {

    /** The acting user's username, or {@code system:<job>} for a system job. */
    public static final String USERNAME = "actor";
    /** The id of the acting user's agency. */
    public static final String AGENCY = "agency";
    /** The acting user's roles, comma-separated role names in declaration order, e.g. {@code HANDLER,REVIEWER}. */
    public static final String ROLES = "roles";
    /** The IP address the HTTP request came from; absent for commands not sent from an HTTP request. */
    public static final String CLIENT_ADDRESS = "clientAddress";
    /**
     * One id per HTTP request or system job, shared by every command it sends and every event those
     * produce, including commands sent by event handlers in reaction (taken from the
     * {@code X-Correlation-Id} request header when the caller sends a well-formed one).
     */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message (command or event) that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The user's reason, for the actions that need one (see {@link GivesReason}). */
    public static final String REASON = "reason";

    /** Who acted and from where: the entries a command's actor gives it (the correlation entries are separate). */
    public static final List<String> KEYS = List.of(USERNAME, AGENCY, ROLES, CLIENT_ADDRESS);

    private ActorMetaData() {
    }
}
