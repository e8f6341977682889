package cn.gongkai.ledger.platform;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;

/**
 * Records every HTTP call a test makes to a service it started (method, path, status), for
 * {@link OpenApiCoverageIT} to compare with the API description: one line per distinct call, in a
 * file of this JVM's own ({@code calls-<pid>.tsv}) in the run's directory ({@link #runDirectory()}), so that
 * surefire's forks each write theirs and the coverage check, run after them, reads them all. Registered for every
 * context of the {@code test} profile through {@code META-INF/spring.factories}, so
 * {@code @LedgerIntegrationTest} classes and {@code TestService} alike; first of all filters, so
 * that it sees the answers the security filters and the size limit give too.
 */
public final class ApiCallRecorder implements ApplicationContextInitializer<ConfigurableApplicationContext>, Filter {

    /**
     * The Maven build names its test run ({@code gongkai.test.run}, the build's timestamp, the same
     * for every fork and for the coverage check's execution); a JVM started without it (an IDE) is a
     * run of its own.
     */
    static final String RUN_PROPERTY = "gongkai.test.run";

    private static final Path FILE = runDirectory().resolve("calls-" + ProcessHandle.current().pid() + ".tsv");

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean started;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context instanceof GenericApplicationContext generic
                && List.of(context.getEnvironment().getActiveProfiles()).contains("test")) {
            generic.registerBean("apiCallRecorder", FilterRegistrationBean.class, () -> {
                FilterRegistrationBean<ApiCallRecorder> registration = new FilterRegistrationBean<>(new ApiCallRecorder());
                registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
                return registration;
            });
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        try {
            chain.doFilter(request, response);
            record(http.getMethod(), http.getRequestURI(), ((HttpServletResponse) response).getStatus());
        } catch (IOException | ServletException | RuntimeException e) {
            // the container answers it with 500
            record(http.getMethod(), http.getRequestURI(), 500);
            throw e;
        }
    }

    /** The directory of this test run's records, one file per JVM that recorded a call. */
    static Path runDirectory() {
        String run = System.getProperty(RUN_PROPERTY, "");
        String name = run.isBlank() ? "jvm-" + ProcessHandle.current().pid() : run.replaceAll("[^A-Za-z0-9-]", "-");
        return Path.of("target", "openapi-coverage", name);
    }

    static synchronized void record(String method, String path, int status) {
        String line = method + "\t" + path + "\t" + status;
        if (!SEEN.add(line)) {
            return;
        }
        try {
            if (!started) {
                Files.createDirectories(FILE.getParent());
                Files.deleteIfExists(FILE);
                started = true;
            }
            Files.writeString(FILE, line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
