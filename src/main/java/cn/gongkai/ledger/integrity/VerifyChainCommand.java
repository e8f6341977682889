package cn.gongkai.ledger.integrity;

import cn.gongkai.ledger.integrity.internal.ChainWalk;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * {@code java -jar gongkai-ledger.jar verify-chain}: verifies the chain with plain JDBC, before and
 * without Spring, so that an auditor can run it on a machine that only reaches the database.
 * Exit code 0 intact, 1 broken, 2 could not verify.
 *
 * <p>The database is the service's: {@code --spring.datasource.url=}, {@code --spring.datasource.username=},
 * {@code --spring.datasource.password=} (arguments, or the same as {@code -D} system properties), else
 * {@code GONGKAI_DB_URL}, {@code GONGKAI_DB_USER}, {@code GONGKAI_DB_PASSWORD}, else the defaults of
 * {@code application.yaml}. {@code --gongkai.integrity.grace=PT10M} ({@code GONGKAI_INTEGRITY_GRACE}) as in
 * the service.
 */
public final class VerifyChainCommand {

    /** The first argument that selects this command. */
    public static final String NAME = "verify-chain";

    private static final int PAGE_SIZE = 1000;

    private VerifyChainCommand() {
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        return run(args, System::getenv, out);
    }

    static int run(String[] args, UnaryOperator<String> environment, PrintStream out) {
        Settings settings = new Settings(args, environment);
        String url = settings.get("spring.datasource.url", "GONGKAI_DB_URL", "jdbc:postgresql://localhost:5432/gongkai");
        Duration grace;
        try {
            grace = Duration.parse(settings.get("gongkai.integrity.grace", "GONGKAI_INTEGRITY_GRACE", "PT10M"));
        } catch (DateTimeParseException e) {
            out.println("宽限期格式错误，应为ISO-8601时长，如PT10M / the grace period must be an ISO-8601 duration such as PT10M");
            return 2;
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", settings.get("spring.datasource.username", "GONGKAI_DB_USER", "gongkai"));
        credentials.setProperty("password", settings.get("spring.datasource.password", "GONGKAI_DB_PASSWORD", ""));
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            out.println("找不到PostgreSQL驱动 / the PostgreSQL driver is not on the class path");
            return 2;
        }
        try (Connection connection = DriverManager.getConnection(url, credentials)) {
            ChainReport report = new ChainWalk(grace, PAGE_SIZE).verify(connection);
            print(report, withoutParameters(url), out);
            return report.ok() ? 0 : 1;
        } catch (SQLException e) {
            out.println("无法校验：数据库读取失败 / could not verify: the database could not be read ("
                    + withoutParameters(url) + "): " + e.getMessage());
            return 2;
        }
    }

    /** The URL without its parameters, which may carry a password. */
    private static String withoutParameters(String url) {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    private static void print(ChainReport report, String url, PrintStream out) {
        out.println("防篡改链校验 / chain verification (" + url + "): " + report.statusLabel() + " / " + report.status());
        out.println("已校验链节 / links verified: " + report.linksVerified() + "; 事件库中事件 / events stored: "
                + report.eventsStored() + "; 待入链 / pending: " + report.eventsPending());
        ChainHead head = report.head();
        if (head != null) {
            out.println("链头 / head: position " + head.position() + ", global index " + head.globalIndex() + ", event "
                    + head.eventId() + ", hash " + head.hash() + ", chained at " + head.chainedAt());
        }
        ChainBreak broken = report.firstBreak();
        if (broken != null) {
            out.println("首个断点 / first break: " + broken.kind() + " " + broken.kindLabel());
            out.println("  " + broken.messageZh());
            out.println("  " + broken.messageEn());
        }
    }

    /** {@code --name=value} arguments first, then system properties, then the environment. */
    private record Settings(Map<String, String> arguments, UnaryOperator<String> environment) {

        Settings(String[] args, UnaryOperator<String> environment) {
            this(parse(args), environment);
        }

        private static Map<String, String> parse(String[] args) {
            Map<String, String> parsed = new java.util.HashMap<>();
            for (String arg : args) {
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 2) {
                    parsed.put(arg.substring(2, equals), arg.substring(equals + 1));
                }
            }
            return parsed;
        }

        String get(String property, String variable, String fallback) {
            String value = arguments.get(property);
            if (value == null) {
                value = System.getProperty(property);
            }
            if (value == null) {
                value = environment.apply(variable);
            }
            return value == null ? fallback : value;
        }
    }
}
