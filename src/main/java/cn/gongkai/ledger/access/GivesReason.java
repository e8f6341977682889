package cn.gongkai.ledger.access;

/**
 * A command for an action that needs a reason (an extension, an outcome or category correction, a
 * fee waiver, a year close, an erasure of personal data). The reason is part of the command and of
 * its event; the dispatch interceptor also records it in the metadata under
 * {@link ActorMetaData#REASON}, so that an audit view finds it on every event of the action without
 * knowing each event's fields.
 */
public interface GivesReason {

    /** Why the user acts, in their words. */
    String reason();
}
