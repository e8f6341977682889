package cn.gongkai.ledger;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The order of the test classes in a run (configured in {@code junit-platform.properties}): first
 * the classes without a cached Spring context (unit tests, and the tests that start services and
 * brokers of their own), then the classes that share one context side by side, context after
 * context, so that Spring's test-context cache needs to keep one context at a time
 * ({@code spring.test.context.cache.maxSize} in {@code spring.properties}): a context no later class
 * needs is closed instead of running idle next to the others (its processors, pools and schedulers
 * took CPU from every later class). {@code platform.OpenApiCoverageIT} checks the API calls of every class
 * before it: it runs last of all. In the full build each of surefire's two
 * JVMs runs one half of the classes ({@link ForkOneSuite}, {@link ForkTwoSuite}), ordered by this
 * within the half, and {@code OpenApiCoverageIT} runs after both in a surefire execution of its own.
 *
 * <p>Classes with the same context configuration are those Spring would give one context: the key
 * is their {@code MergedContextConfiguration}, as the cache's own.
 */
public final class ContextGroupOrder implements ClassOrderer {

    private static final Object NO_CONTEXT = new Object();
    private static final String COVERAGE_CHECK = "cn.gongkai.ledger.platform.OpenApiCoverageIT";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        List<? extends ClassDescriptor> classes = context.getClassDescriptors();
        Map<ClassDescriptor, Object> keys = new HashMap<>();
        Map<Object, Integer> groups = new HashMap<>();
        for (ClassDescriptor descriptor : classes) {
            Object key = contextKey(descriptor.getTestClass());
            keys.put(descriptor, key);
            groups.putIfAbsent(key, groups.size());
        }
        classes.sort(Comparator
                .comparing((ClassDescriptor c) -> isCoverageCheck(c.getTestClass()))
                .thenComparingInt(c -> keys.get(c) == NO_CONTEXT ? 0 : 1)
                .thenComparingInt(c -> groups.get(keys.get(c))));
    }

    private static boolean isCoverageCheck(Class<?> testClass) {
        return testClass.getName().equals(COVERAGE_CHECK);
    }

    /** What Spring's test-context cache keys the class's context by; {@link #NO_CONTEXT} for a class without one. */
    static Object contextKey(Class<?> testClass) {
        boolean spring = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .stream(ExtendWith.class)
                .anyMatch(extendWith -> Arrays.asList(extendWith.getClassArray("value")).contains(SpringExtension.class));
        if (!spring) {
            return NO_CONTEXT;
        }
        try {
            return BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
        } catch (RuntimeException e) {
            return testClass;
        }
    }
}
