package cn.gongkai.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker in this JVM: one KRaft node that is broker and controller at once. The
 * tests share one, started on first use; a test that needs to stop a broker starts its own. The
 * embedded default ({@code DevGongkaiLedger}) starts one whose log directory stays in
 * {@code ./data/kafka} across restarts: it is formatted once, on first start.
 */
public final class TestKafka implements AutoCloseable {

    private static TestKafka shared;

    private final Path logDirectory;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private KafkaRaftServer server;

    private TestKafka(Path logDirectory, int port, int controllerPort, int partitions) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
    }

    /** The broker the test contexts share, started on first use, its data in a temporary directory. */
    public static synchronized TestKafka shared() {
        if (shared == null) {
            shared = temporary();
        }
        return shared;
    }

    /**
     * A broker of one's own on free ports, its data under {@code target/test-kafka} (removed by
     * {@code mvn clean}). Not deleted on exit: deleting a running broker's log directory makes it
     * halt the JVM.
     */
    public static TestKafka temporary() {
        try {
            Path parent = Files.isDirectory(Path.of("target")) ? Path.of("target", "test-kafka")
                    : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(parent);
            return start(Files.createTempDirectory(parent, "kafka-"), freePort(), 3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker listening on {@code port} (its controller on a free port) that keeps its data
     * in {@code logDirectory}, formatting the directory if it is new.
     */
    public static TestKafka start(Path logDirectory, int port, int partitions) {
        TestKafka kafka = new TestKafka(logDirectory, port, freePort(), partitions);
        kafka.start();
        return kafka;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts the broker again after {@link #stop()}, on the same ports and data. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaConfig config = KafkaConfig.fromProps(properties());
        formatIfNew();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    /** Stops the broker; its data stays. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirectory.toString());
        p.put("num.partitions", String.valueOf(partitions));
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    private void formatIfNew() {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format the Kafka log directory " + logDirectory, e);
        }
    }

    /** A port free now; the broker binds it moments later. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
