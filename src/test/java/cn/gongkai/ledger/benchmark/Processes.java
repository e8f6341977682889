package cn.gongkai.ledger.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processes {@link ServiceBenchmark} starts, each of its own: a PostgreSQL server from the machine's
 * binaries, a KRaft broker from the kafka_2.13 jars, and the service's jar. Every one is stopped by its own
 * handle (its pid), never by a name.
 */
final class Processes {

    private Processes() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command to its end; its output goes to {@code log}. */
    static void run(Path log, Map<String, String> env, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} every 100 ms until it holds; false after {@code timeout}. */
    static boolean await(Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // not yet
            }
            LockSupport.parkNanos(100_000_000L);
        }
        return false;
    }

    /** A PostgreSQL server in a data directory of its own, on a port of its own. */
    static final class Postgres {
        final Path bin;
        final Path dir;
        final int port;
        final Path log;

        Postgres(Path bin, Path work) {
            this.bin = bin;
            this.dir = work.resolve("pgdata");
            this.port = freePort();
            this.log = work.resolve("postgres.log");
        }

        String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/";
        }

        /**
         * A PostgreSQL tool; as root, inside a user namespace ({@code unshare -U}), as the embedded library runs
         * its binaries: initdb and pg_ctl refuse to run as root.
         */
        private String[] tool(String name, String... args) {
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"))) {
                command.addAll(List.of("/usr/bin/unshare", "-U"));
            }
            command.add(bin.resolve(name).toString());
            command.addAll(List.of(args));
            return command.toArray(String[]::new);
        }

        void init() {
            run(log, Map.of(), tool("initdb", "-D", dir.toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--locale=C"));
        }

        void start() {
            run(log, Map.of(), tool("pg_ctl", "start", "-w", "-t", "120", "-D", dir.toString(),
                    "-l", log.toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                            + " -c max_connections=200 -c shared_buffers=256MB"));
        }

        void stop() {
            if (Files.exists(dir.resolve("postmaster.pid"))) {
                run(log, Map.of(), tool("pg_ctl", "stop", "-w", "-t", "120", "-m", "fast", "-D", dir.toString()));
            }
        }
    }

    /** A single-node KRaft broker, {@code kafka.Kafka}, in a JVM of its own. */
    static final class Kafka {
        final Path dir;
        final int port = freePort();
        final int controllerPort = freePort();
        final String classpath;
        final Path log;
        private Process process;

        Kafka(Path work, Path classpathFile) throws IOException {
            this.dir = work.resolve("kafka");
            this.classpath = Files.readString(classpathFile).trim();
            this.log = work.resolve("kafka.log");
        }

        String bootstrap() {
            return "127.0.0.1:" + port;
        }

        void format() throws IOException {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("server.properties"), """
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.voters=1@127.0.0.1:%d
                    listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                    advertised.listeners=PLAINTEXT://127.0.0.1:%d
                    controller.listener.names=CONTROLLER
                    listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                    inter.broker.listener.name=PLAINTEXT
                    log.dirs=%s
                    num.partitions=3
                    offsets.topic.replication.factor=1
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    group.initial.rebalance.delay.ms=0
                    """.formatted(controllerPort, port, controllerPort, port, dir.resolve("data")));
            Files.writeString(dir.resolve("logback.xml"), """
                    <configuration>
                      <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d %-5level %logger{36} %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="out"/></root>
                    </configuration>
                    """);
            String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
            run(log, Map.of(), java(), "-cp", classpath, "-Dlogback.configurationFile=" + dir.resolve("logback.xml"),
                    "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                    dir.resolve("server.properties").toString(), "--ignore-formatted");
        }

        void start() throws IOException {
            ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx512m", "-cp", classpath,
                    "-Dlogback.configurationFile=" + dir.resolve("logback.xml"), "kafka.Kafka",
                    dir.resolve("server.properties").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = builder.start();
            // a broker restarted on a loaded machine took three minutes to open its port (2 December, load 27)
            if (!await(Duration.ofSeconds(300), this::answers)) {
                throw new IllegalStateException("the broker did not start within 5 minutes; see " + log);
            }
        }

        boolean answers() {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return process.isAlive();
            } catch (IOException e) {
                return false;
            }
        }

        /** SIGTERM: a clean shutdown, as an operator stops it. */
        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }

    /** The service's jar in a JVM of its own, configured by environment variables only. */
    static final class Service {
        final String name;
        final int port;
        final Path log;
        final Path gcLog;
        private final List<String> command = new ArrayList<>();
        private final Map<String, String> env;
        private final boolean jfr;
        private Process process;

        Service(String name, Path work, Path jar, Map<String, String> env, boolean jfr) {
            this.name = name;
            this.port = freePort();
            this.log = work.resolve(name + ".log");
            this.gcLog = work;
            this.env = env;
            this.jfr = jfr;
            command.addAll(List.of(java(), "-Xmx512m", "-Xlog:gc:file=" + work.resolve(name + "-gc-%p.log") + "::filecount=0"));
            if (jfr) {
                command.add("-XX:StartFlightRecording=filename=" + work.resolve(name + "-%p.jfr") + ",settings=profile,dumponexit=true");
            }
            command.addAll(List.of("-jar", jar.toString()));
        }

        List<String> jvmFlags() {
            return command.subList(1, command.indexOf("-jar"));
        }

        /** Set before start for a service that speaks TLS itself (SERVER_SSL_* in its environment). */
        HttpClient https;

        String base() {
            return (https == null ? "http" : "https") + "://127.0.0.1:" + port;
        }

        long pid() {
            return process.pid();
        }

        /** Starts the JVM; returns at once. */
        void launch() throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv("PATH"));
            builder.environment().putAll(env);
            builder.environment().put("PORT", Integer.toString(port));
            process = builder.start();
        }

        boolean ready() {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> answer = (https == null ? HttpClient.newHttpClient() : https).send(HttpRequest.newBuilder(
                        URI.create(base() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return answer.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void start() throws IOException {
            launch();
            if (!await(Duration.ofSeconds(900), this::ready)) {
                throw new IllegalStateException(name + " did not become ready; see " + log);
            }
        }

        /** SIGTERM and wait: Spring's graceful shutdown. */
        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                peakRssMib();
                process.destroy();
                if (!process.waitFor(90, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }

        /** SIGKILL: a crash. */
        void kill() throws InterruptedException {
            if (process != null && process.isAlive()) {
                peakRssMib();
                if (jfr) {
                    // a SIGKILL writes nothing: what the recording holds so far, first
                    run(log, Map.of(), Path.of(java()).resolveSibling("jcmd").toString(), String.valueOf(process.pid()),
                            "JFR.dump", "filename=" + log.resolveSibling(name + "-" + process.pid() + "-killed.jfr"));
                }
                process.destroyForcibly().waitFor();
            }
        }

        private long peakRss = -1;

        /** The peak resident set (VmHWM) over every start of this service so far, in MiB. */
        long peakRssMib() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        peakRss = Math.max(peakRss, Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return peakRss;
            }
            return peakRss;
        }

        /** User + system CPU seconds of the JVM so far. */
        double cpuSeconds() {
            try {
                String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        private static final Pattern HEAP_BEFORE = Pattern.compile("\\) (\\d+)M->(\\d+)M\\((\\d+)M\\)");

        /** The largest heap in use the GC log shows (before a collection), in MiB, over every start of this service. */
        long peakHeapMib() {
            long peak = 0;
            try (var files = Files.list(gcLog)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name + "-gc-")).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        Matcher m = HEAP_BEFORE.matcher(line);
                        if (m.find()) {
                            peak = Math.max(peak, Long.parseLong(m.group(1)));
                        }
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return peak;
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
