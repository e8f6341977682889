package cn.gongkai.ledger.access;

/**
 * A message that must say who acted does not, or says it in a form that cannot be read. This is a
 * programming error, not a user's: commands sent from an HTTP request get their actor from the
 * command gateway, and system jobs must set one explicitly with {@link Actor#system}.
 */
public class NoActor extends IllegalStateException {

    public NoActor(String message) {
        super(message);
    }
}
