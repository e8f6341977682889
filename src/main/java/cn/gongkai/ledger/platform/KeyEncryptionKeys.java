package cn.gongkai.ledger.platform;

import java.util.Optional;
import java.util.SortedSet;

/**
 * The key-encryption keys (KEKs) that wrap every application's personal data key, kept outside the
 * database that stores the wrapped keys: a copy of the database (a backup, its WAL, a dead row
 * version) holds only wrapped keys, which open only with a KEK that still exists. Versions are
 * numbered upwards; a rotation adds a version, rewraps every remaining key with it and then
 * {@linkplain #retainOnly destroys} the older ones, so that a key erased before the rotation cannot
 * be unwrapped from any copy of it (ADR 0012, erasure that holds on disk).
 *
 * <p>{@link KeyFile} keeps them in a file of the service's own; an external KMS can take its place
 * behind this interface (wrap and unwrap there, versions as the KMS's key versions). Every instance
 * of the service must see the same KEKs: which version is current is recorded in the database
 * ({@code personal_data_kek.current_version}), the KEKs themselves never are.
 */
public interface KeyEncryptionKeys {

    /** Identifies this keyring; recorded with the database it belongs to, so that the wrong key file is refused. */
    String keyringId();

    /** The versions held now, read afresh where they may have been changed by another instance. */
    SortedSet<Integer> versions();

    /**
     * Wraps {@code key} with KEK {@code version}, bound to {@code context} (the subject; a wrapped key
     * copied to another subject's row does not open).
     *
     * @throws IllegalStateException if this keyring holds no such version
     */
    byte[] wrap(int version, byte[] key, String context);

    /** The key wrapped by {@link #wrap}; empty if the version is gone or the bytes do not open. */
    Optional<byte[]> unwrap(int version, byte[] wrapped, String context);

    /** Adds a new highest version, durably, before it returns; the older versions stay. */
    int addVersion();

    /**
     * Destroys every version but {@code version}, durably, before it returns: the caller has made
     * sure that nothing is wrapped with them any more.
     *
     * @return the versions destroyed
     */
    SortedSet<Integer> retainOnly(int version);
}
