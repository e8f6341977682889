package cn.gongkai.ledger.processing.internal;

import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.platform.TemporarilyUnavailable;
import cn.gongkai.ledger.processing.ProcessorProgress;
import cn.gongkai.ledger.processing.ReadYourWrites;
import cn.gongkai.ledger.processing.ReadsProjection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Holds a read of an endpoint marked {@link ReadsProjection} that asks for
 * {@value ReadYourWrites#CONSISTENT_AFTER} (or {@code ?consistentAfter=}) until every processor it
 * names has processed that position, read from {@code token_entry} ({@link ProcessorProgress}), so
 * that it works whichever instance took the command and whichever processes the events. It waits
 * with a backoff from 5 ms doubling to 200 ms between looks, at most
 * {@code gongkai.read-your-writes.max-wait}, then answers 503 with {@code Retry-After}. A position
 * beyond the event store's head was never answered by any command: 422 naming the field. Runs after
 * the role check ({@code AuthorizeBeforeBinding}), so that a caller without the role is refused at once.
 */
@Component
@EnableConfigurationProperties(ReadYourWritesProperties.class)
class ConsistentReads implements HandlerInterceptor, WebMvcConfigurer {

    private static final Pattern POSITION = Pattern.compile("\\d{1,18}");
    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(5).toNanos();
    private static final long LONGEST_PAUSE_NANOS = Duration.ofMillis(200).toNanos();

    private final ProcessorProgress progress;
    private final JdbcClient jdbc;
    private final ReadYourWritesProperties properties;

    ConsistentReads(ProcessorProgress progress, JdbcClient jdbc, ReadYourWritesProperties properties) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(100);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ReadsProjection reads = readsProjection(method);
        if (reads == null) {
            return true;
        }
        Requested requested = requested(request);
        if (requested != null) {
            await(List.of(reads.value()), requested);
        }
        return true;
    }

    private static ReadsProjection readsProjection(HandlerMethod method) {
        ReadsProjection onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ReadsProjection.class);
        return onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ReadsProjection.class);
    }

    /** The position asked for, by header or parameter (the higher if both); null if neither. */
    private static Requested requested(HttpServletRequest request) {
        Requested header = parse(ReadYourWrites.CONSISTENT_AFTER, request.getHeader(ReadYourWrites.CONSISTENT_AFTER));
        Requested parameter = parse(ReadYourWrites.PARAMETER, request.getParameter(ReadYourWrites.PARAMETER));
        if (header == null || parameter == null) {
            return header != null ? header : parameter;
        }
        return header.position() >= parameter.position() ? header : parameter;
    }

    private static Requested parse(String field, String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (!POSITION.matcher(trimmed).matches()) {
            throw new InputRejected(FieldProblem.of(field,
                    "应为命令应答头 X-Event-Position 给出的事件位置（非负整数）",
                    "must be an event position as a command's X-Event-Position header gives it (a non-negative integer)"));
        }
        return new Requested(field, Long.parseLong(trimmed));
    }

    private void await(List<String> processors, Requested requested) {
        List<String> behind = progress.behind(processors, requested.position());
        if (behind.isEmpty()) {
            return;
        }
        // passed by a processor means stored; only a position not yet passed can be beyond the head
        if (requested.position() > head()) {
            throw new RuleViolation("EventPositionExists", requested.field(),
                    "该事件位置尚未写入：应为命令应答头 X-Event-Position 给出的位置",
                    "no event is stored at this position yet: send a position a command's X-Event-Position gave");
        }
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (!behind.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                throw notYet(behind, requested.position());
            }
            LockSupport.parkNanos(Math.min(pause, left));
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
            behind = progress.behind(behind, requested.position());
        }
    }

    private long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    private TemporarilyUnavailable notYet(List<String> behind, long position) {
        return new TemporarilyUnavailable("ReadModelsCaughtUp",
                "统计和列表尚未处理到事件位置 " + position + "（" + String.join("、", behind) + "），请稍后重试",
                "the read models (" + String.join(", ", behind) + ") have not yet processed event position "
                        + position + "; retry shortly",
                properties.retryAfter());
    }

    /** Every processor an endpoint names exists: a typo would otherwise make its reads wait in vain. */
    @EventListener(ContextRefreshedEvent.class)
    void checkNames(ContextRefreshedEvent refreshed) {
        ApplicationContext context = refreshed.getApplicationContext();
        if (context.getBeanNamesForType(EventProcessingConfiguration.class).length == 0) {
            return;
        }
        Set<String> known = context.getBean(EventProcessingConfiguration.class).eventProcessors().keySet();
        List<String> unknown = new ArrayList<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().values().forEach(method -> {
                    ReadsProjection reads = readsProjection(method);
                    if (reads != null) {
                        for (String name : reads.value()) {
                            if (!known.contains(name)) {
                                unknown.add(method.getShortLogMessage() + " -> " + name);
                            }
                        }
                    }
                }));
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("@ReadsProjection names no such event processor: " + unknown
                    + "; known: " + known);
        }
    }

    private record Requested(String field, long position) {
    }
}
