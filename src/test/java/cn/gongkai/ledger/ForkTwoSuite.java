package cn.gongkai.ledger;

import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The second half of the suite, for the second of surefire's two JVMs: every test class surefire
 * would run ({@code *Test}, {@code *Tests}, {@code *IT}) that is not in {@link ForkOneSuite}, so that
 * a new class runs here without being listed. Within the half, {@link ContextGroupOrder} orders the
 * classes as in one JVM.
 */
@Suite
@IncludeEngines("junit-jupiter")
@SelectPackages("cn.gongkai.ledger")
@IncludeClassNamePatterns("^.*(?:Test|Tests|IT)$")
@ExcludeClassNamePatterns({ForkOneSuite.CLASSES, ForkOneSuite.NOT_HERE})
public class ForkTwoSuite {
}
