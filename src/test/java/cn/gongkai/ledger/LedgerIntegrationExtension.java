package cn.gongkai.ledger;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.ReflectionUtils;

/**
 * The setup every integration test class used to copy ({@code @LocalServerPort int port}, an
 * {@code @Autowired Clock}, then {@code api = new Api(port)} and {@code today =
 * BusinessClock.today(clock)} before each test), registered by {@link LedgerIntegrationTest}:
 * <ul>
 * <li>fields of type {@link Api} that are still null, and {@code LocalDate} fields annotated
 * {@link Today}, are set on each test instance (once for a {@code PER_CLASS} class);
 * <li>test, lifecycle and constructor parameters of type {@link Api}, {@link LedgerUnderTest}, and
 * {@code LocalDate} annotated {@link Today} are resolved.
 * </ul>
 * The service is the class's Spring context (loaded or taken from the cache by Spring's own extension).
 */
public final class LedgerIntegrationExtension implements TestInstancePostProcessor, ParameterResolver {

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        LedgerUnderTest ledger = null;
        for (Class<?> type = testInstance.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                    continue;
                }
                boolean api = field.getType() == Api.class;
                boolean today = field.getType() == LocalDate.class && field.isAnnotationPresent(Today.class);
                if (!api && !today) {
                    continue;
                }
                ReflectionUtils.makeAccessible(field);
                if (ReflectionUtils.getField(field, testInstance) != null) {
                    continue;
                }
                if (ledger == null) {
                    ledger = ledger(context);
                }
                ReflectionUtils.setField(field, testInstance, api ? ledger.api() : ledger.today());
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Api.class || type == LedgerUnderTest.class
                || (type == LocalDate.class && parameter.isAnnotated(Today.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LedgerUnderTest ledger = ledger(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Api.class) {
            return ledger.api();
        }
        return type == LedgerUnderTest.class ? ledger : ledger.today();
    }

    private static LedgerUnderTest ledger(ExtensionContext context) {
        return new LedgerUnderTest(SpringExtension.getApplicationContext(context));
    }
}
