package cn.gongkai.ledger.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key-encryption keys in a file of the service's own ({@code gongkai.personal-data.key-file}),
 * readable by its owner only (0600). AES-256-GCM: a wrapped key is a random 96-bit IV, the
 * ciphertext and the 128-bit tag; the version and the context (the subject) are its additional
 * authenticated data.
 *
 * <p>Every change writes a new file beside it, forces it to disk, and renames it over the old one
 * (atomic: a crash leaves either file, never half of one), then forces the directory. The old file's
 * bytes are then overwritten with zeros and forced before its name goes, through a second link made
 * before the rename: a destroyed version leaves no copy in a file of this directory. (What the file
 * system or the disk keeps of overwritten blocks, a journal or a copy-on-write snapshot, is beyond a
 * file's reach: a KMS is the place for keys that must leave no trace at all.)
 *
 * <p>The file is read again whenever it changed on disk, and when a version asked for is missing:
 * another instance sharing the file may have rotated.
 */
final class KeyFile implements KeyEncryptionKeys {

    private static final Logger log = LoggerFactory.getLogger(KeyFile.class);
    private static final String HEADER = """
            # Gongkai Ledger: key-encryption keys of the personal data keys (ADR 0012, README "Erasure and the key file").
            # Secret. Without it no applicant's personal data can be read; a copy of an older file undoes erasures.
            """;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEK_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String OLD_SUFFIX = ".old";
    private static final String NEW_SUFFIX = ".new";

    private final Path path;
    private final SecureRandom random = new SecureRandom();
    private Content content;
    private Object stamp;

    KeyFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /** Whether the file exists (a leftover of an interrupted change is cleared first). */
    synchronized boolean exists() {
        clearLeftovers();
        return Files.exists(path);
    }

    /**
     * Creates the file with {@code keyring} and its version 1, unless it exists already (another
     * instance may have been first): in both cases the file then exists.
     */
    synchronized void create(String keyring) {
        clearLeftovers();
        if (Files.exists(path)) {
            return;
        }
        byte[] kek = new byte[KEK_BYTES];
        random.nextBytes(kek);
        Content created = new Content(keyring, new TreeMap<>(Map.of(1, kek)));
        try {
            Path parent = path.getParent();
            if (!Files.isDirectory(parent)) {
                Files.createDirectories(parent, ownerOnly("rwx------"));
            }
            Path temp = writeTemp(created);
            try {
                // a link fails where the name exists: no instance overwrites a keyring another one just created
                Files.createLink(path, temp);
            } catch (FileAlreadyExistsException e) {
                log.info("Key file {} was created by another instance", path);
            } finally {
                Files.deleteIfExists(temp);
            }
            forceDirectory();
            log.info("Created the personal data key file {} (keyring {}, version 1)", path, created.keyring());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the personal data key file " + path, e);
        }
    }

    @Override
    public synchronized String keyringId() {
        return current(false).keyring();
    }

    @Override
    public synchronized SortedSet<Integer> versions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(current(false).keks().keySet()));
    }

    @Override
    public byte[] wrap(int version, byte[] key, String context) {
        byte[] kek = kek(version).orElseThrow(() -> new IllegalStateException("the key file " + path
                + " holds no key-encryption key of version " + version
                + ": every instance of the service must use the same key file (README, \"Erasure and the key file\")"));
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, kek, iv, version, context).doFinal(key);
            byte[] wrapped = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, wrapped, IV_BYTES, sealed.length);
            return wrapped;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a personal data key", e);
        }
    }

    @Override
    public Optional<byte[]> unwrap(int version, byte[] wrapped, String context) {
        Optional<byte[]> kek = kek(version);
        if (kek.isEmpty() || wrapped.length <= IV_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(cipher(Cipher.DECRYPT_MODE, kek.get(), Arrays.copyOf(wrapped, IV_BYTES), version, context)
                    .doFinal(wrapped, IV_BYTES, wrapped.length - IV_BYTES));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unwrap a personal data key", e);
        }
    }

    @Override
    public synchronized int addVersion() {
        Content now = current(true);
        int version = now.keks().lastKey() + 1;
        byte[] kek = new byte[KEK_BYTES];
        random.nextBytes(kek);
        SortedMap<Integer, byte[]> keks = new TreeMap<>(now.keks());
        keks.put(version, kek);
        replace(new Content(now.keyring(), keks));
        log.info("Added version {} to the personal data key file {}", version, path);
        return version;
    }

    @Override
    public synchronized SortedSet<Integer> retainOnly(int version) {
        Content now = current(true);
        byte[] kek = now.keks().get(version);
        if (kek == null) {
            throw new IllegalStateException("the key file " + path + " holds no version " + version + " to keep");
        }
        SortedSet<Integer> destroyed = new TreeSet<>(now.keks().keySet());
        destroyed.remove(version);
        if (!destroyed.isEmpty()) {
            replace(new Content(now.keyring(), new TreeMap<>(Map.of(version, kek))));
            log.info("Destroyed versions {} of the personal data key file {}; version {} remains", destroyed, path,
                    version);
        }
        return destroyed;
    }

    private synchronized Optional<byte[]> kek(int version) {
        byte[] kek = current(false).keks().get(version);
        if (kek == null) {
            // another instance may have rotated since: its rename need not change what stat shows at once (NFS)
            kek = current(true).keks().get(version);
        }
        return Optional.ofNullable(kek);
    }

    private static Cipher cipher(int mode, byte[] kek, byte[] iv, int version, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("gongkai-personal-data-key|" + version + "|" + context).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    // ---- the file ---------------------------------------------------------------------------------

    private Content current(boolean reread) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Object now = java.util.List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(),
                    attributes.size());
            if (reread || content == null || !now.equals(stamp)) {
                content = Content.parse(Files.readString(path, StandardCharsets.UTF_8), path);
                stamp = now;
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the personal data key file " + path, e);
        }
    }

    /** Writes {@code next} beside the file, then renames it over the file, then overwrites the old file's bytes. */
    private void replace(Content next) {
        Path old = sibling(OLD_SUFFIX);
        try {
            // a leftover of a crash is overwritten, not just unlinked (the caller holds the rotation lock)
            clearLeftovers();
            Path temp = writeTemp(next);
            boolean linked = link(old, path);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
            if (linked) {
                shred(old);
            }
            content = null;
            current(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the personal data key file " + path, e);
        }
    }

    private Path writeTemp(Content next) throws IOException {
        Path temp = sibling(NEW_SUFFIX + "-" + UUID.randomUUID());
        try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnly("rw-------"))) {
            channel.write(ByteBuffer.wrap(next.format().getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        return temp;
    }

    /** Leftovers of a change interrupted by a crash: an old file's second name, a new file never renamed. */
    private void clearLeftovers() {
        Path directory = path.getParent();
        if (!Files.isDirectory(directory)) {
            return;
        }
        String name = path.getFileName().toString();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path leftover : files.filter(file -> file.getFileName().toString().startsWith(name + NEW_SUFFIX + "-")
                    || file.getFileName().toString().equals(name + OLD_SUFFIX)).toList()) {
                if (Files.exists(path) && Files.isSameFile(leftover, path)) {
                    // the link was made, the rename not: the file itself is still the current one
                    Files.delete(leftover);
                } else {
                    shred(leftover);
                }
                log.warn("Cleared {}, left by an interrupted change of the key file", leftover);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear leftovers beside the key file " + path, e);
        }
    }

    private static boolean link(Path link, Path existing) {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("The file system of {} has no hard links: the old key file's bytes are released, not overwritten",
                    existing);
            return false;
        }
    }

    /** Overwrites the file's bytes with zeros, forces them to disk, and deletes it. */
    private void shred(Path file) throws IOException {
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(Math.max(size, 1), 1 << 16));
            for (long written = 0; written < size; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - written));
                written += channel.write(zeros, written);
            }
            channel.force(true);
        }
        Files.delete(file);
        forceDirectory();
    }

    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory; the rename is still atomic there
            log.debug("cannot force directory {}: {}", path.getParent(), e.toString());
        }
    }

    private Path sibling(String suffix) {
        return path.resolveSibling(path.getFileName() + suffix);
    }

    private FileAttribute<?>[] ownerOnly(String permissions) {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> set = PosixFilePermissions.fromString(permissions);
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(set)};
    }

    /** The file's content: the keyring's id and its KEKs by version. */
    private record Content(String keyring, SortedMap<Integer, byte[]> keks) {

        static Content parse(String text, Path path) {
            String keyring = null;
            SortedMap<Integer, byte[]> keks = new TreeMap<>();
            for (String line : text.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                String name = equals < 0 ? trimmed : trimmed.substring(0, equals);
                String value = equals < 0 ? "" : trimmed.substring(equals + 1);
                if (name.equals("keyring")) {
                    keyring = value;
                } else if (name.startsWith("kek.")) {
                    byte[] kek = Base64.getDecoder().decode(value);
                    if (kek.length != KEK_BYTES) {
                        throw new IllegalStateException("the key file " + path + " has a key of " + kek.length
                                + " bytes in " + name + "; expected " + KEK_BYTES);
                    }
                    keks.put(Integer.parseInt(name.substring(4)), kek);
                } else {
                    throw new IllegalStateException("the key file " + path + " has an unknown line: " + name);
                }
            }
            if (keyring == null || keks.isEmpty()) {
                throw new IllegalStateException("the key file " + path + " has no keyring or no key");
            }
            return new Content(keyring, keks);
        }

        String format() {
            StringBuilder text = new StringBuilder(HEADER).append("keyring=").append(keyring).append('\n');
            keks.forEach((version, kek) -> text.append("kek.").append(version).append('=')
                    .append(Base64.getEncoder().encodeToString(kek)).append('\n'));
            return text.toString();
        }
    }
}
