package cn.gongkai.ledger;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a run that ended without stopping its embedded PostgreSQL left in a kept data
 * directory, so that the next start does not fail with "lock file postmaster.pid already exists".
 *
 * <p>A JVM killed with {@code kill -9} never runs the hook that stops its embedded server: the
 * postmaster, a process of its own, keeps running on the data directory. Zonky's library holds a
 * file lock ({@value #LOCK_FILE}) in the data directory while its JVM lives, and the kernel
 * releases it when that JVM dies; so a lock that can be taken means no live JVM owns the server,
 * and a {@code postmaster.pid} found then is stale:
 * <ul>
 * <li>its process still runs, is a {@code postgres} and works in this data directory: the orphaned
 *     server, stopped with {@code pg_ctl stop -m fast} from the binaries it was started from (its
 *     own executable's directory), or by SIGTERM where that is missing;</li>
 * <li>its process is gone (the server was killed too) or the pid now belongs to another program:
 *     the file is removed once no process of the dead server works in the directory any more
 *     (its backends end when they notice the postmaster died), since PostgreSQL refuses to start
 *     beside a live pid or a still-attached shared memory segment.</li>
 * </ul>
 * A lock held by a live JVM is not stale: that start is refused with a message saying so.
 */
final class StaleEmbeddedPostgres {

    /** The lock file Zonky's EmbeddedPostgres holds in the data directory while its JVM runs. */
    static final String LOCK_FILE = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(StaleEmbeddedPostgres.class);

    private StaleEmbeddedPostgres() {
    }

    /** What {@link #clear} found and did. */
    enum Outcome {
        /** No {@code postmaster.pid}: nothing to do. */
        NOTHING_LEFT,
        /** The server of a dead run was still running and was stopped. */
        STOPPED_RUNNING_SERVER,
        /** The pid file named a process that is no longer this directory's server; it was removed. */
        REMOVED_STALE_PID_FILE
    }

    /**
     * Makes {@code dataDirectory} startable again after a run that ended without stopping its
     * server; see the class comment. Throws if a live JVM still owns the directory's server.
     */
    static Outcome clear(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Path pidFile = directory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Outcome.NOTHING_LEFT;
        }
        requireNoLiveOwner(directory);
        List<String> lines = read(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            log.warn("Removing the unreadable {} of the embedded PostgreSQL in {}", PID_FILE, directory);
            delete(pidFile);
            return Outcome.REMOVED_STALE_PID_FILE;
        }
        long pid = Long.parseLong(lines.getFirst().strip());
        String port = lines.size() > 3 ? lines.get(3).strip() : "?";
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isServerOf(process.get(), directory)) {
            log.warn("The embedded PostgreSQL of {} is still running (pid {}, port {}), left behind by a run that"
                    + " ended without stopping it (killed?); stopping it before starting a new one", directory, pid, port);
            stop(process.get(), directory);
            if (Files.exists(pidFile)) {
                delete(pidFile);
            }
            log.info("Stopped the embedded PostgreSQL left running on {} (pid {})", directory, pid);
            return Outcome.STOPPED_RUNNING_SERVER;
        }
        log.warn("The {} of {} names pid {}, which is no longer its PostgreSQL server (the server died without"
                + " stopping: killed?); removing the stale file", PID_FILE, directory, pid);
        awaitLeftoverServerProcesses(directory);
        delete(pidFile);
        return Outcome.REMOVED_STALE_PID_FILE;
    }

    /** Refuses when a live JVM (this one or another) holds Zonky's lock on the directory. */
    private static void requireNoLiveOwner(Path directory) {
        String inUse = ("The embedded PostgreSQL of %s belongs to a service that is still running (its lock %s is"
                + " held): stop that service first, or give this one another data directory"
                + " (-Dgongkai.dev.data-dir)").formatted(directory, LOCK_FILE);
        try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(inUse);
            }
        } catch (OverlappingFileLockException heldInThisJvm) {
            throw new IllegalStateException(inUse, heldInThisJvm);
        } catch (IOException e) {
            throw new UncheckedIOException("could not check the lock of " + directory, e);
        }
    }

    /**
     * Whether {@code process} is a PostgreSQL server working in {@code directory}: its executable
     * is {@code postgres}, and where {@code /proc} tells (Linux) its working directory, which the
     * postmaster sets to its data directory, is this one. A recycled pid fails one or the other.
     */
    static boolean isServerOf(ProcessHandle process, Path directory) {
        boolean postgres = process.info().command()
                .map(command -> Path.of(command).getFileName().toString())
                .map(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .orElse(false);
        return postgres && workingDirectory(process).map(cwd -> sameFile(cwd, directory)).orElse(true);
    }

    private static Optional<Path> workingDirectory(ProcessHandle process) {
        Path link = Path.of("/proc", Long.toString(process.pid()), "cwd");
        try {
            return Optional.of(Files.readSymbolicLink(link));
        } catch (IOException | UnsupportedOperationException notLinux) {
            return Optional.empty();
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code pg_ctl stop -m fast} with the server's own binaries; SIGTERM (a smart shutdown) without them. */
    private static void stop(ProcessHandle server, Path directory) {
        Optional<Path> pgCtl = server.info().command().map(command -> Path.of(command).resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
        if (pgCtl.isPresent()) {
            List<String> command = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                // as the library runs its binaries: as root, pg_ctl refuses to run outside a user namespace
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(pgCtl.get().toString(), "-D", directory.toString(), "stop", "-m", "fast", "-w",
                    "-t", Long.toString(STOP_WAIT.toSeconds())));
            run(command);
        } else {
            server.destroy();
        }
        if (!awaitExit(server, STOP_WAIT)) {
            log.warn("The embedded PostgreSQL of {} (pid {}) did not stop within {}; killing it", directory,
                    server.pid(), STOP_WAIT);
            server.destroyForcibly();
            awaitExit(server, STOP_WAIT);
            awaitLeftoverServerProcesses(directory);
        }
    }

    /**
     * Waits until no {@code postgres} process works in {@code directory} any more: the backends
     * and auxiliary processes of a killed postmaster notice its death and end on their own, but
     * while they live they keep the old shared memory attached and the new server refuses to
     * start. Those still there after the wait are stopped. Only where {@code /proc} exists.
     */
    private static void awaitLeftoverServerProcesses(Path directory) {
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(process -> isServerOf(process, directory) && workingDirectory(process).isPresent())
                .toList();
        for (ProcessHandle leftover : leftovers) {
            if (!awaitExit(leftover, Duration.ofSeconds(10))) {
                log.warn("Stopping pid {}, a process of the dead embedded PostgreSQL of {}", leftover.pid(), directory);
                leftover.destroy();
                if (!awaitExit(leftover, Duration.ofSeconds(10))) {
                    leftover.destroyForcibly();
                    awaitExit(leftover, Duration.ofSeconds(10));
                }
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            if (!process.waitFor(STOP_WAIT.toSeconds() + 10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            log.info("{}: {} (exit {})", String.join(" ", command), output, process.exitValue());
        } catch (IOException e) {
            log.warn("Could not run {}: {}", command, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
