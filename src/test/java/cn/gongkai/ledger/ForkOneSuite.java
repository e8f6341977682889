package cn.gongkai.ledger;

import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The first half of the suite, for the first of surefire's two JVMs (the {@code two-forks} profile in
 * pom.xml; {@link ForkTwoSuite} is the rest): the classes that start services, brokers and JVMs of
 * their own and then mostly wait for them (a killed service, a stopped broker, a timeout), and a few
 * others to even the halves out, by their times in docs/test-suite.md. A class of a shared Spring
 * context belongs to one half with all the others of its context, or each half starts that context.
 * Within the half, {@link ContextGroupOrder} orders the classes as in one JVM.
 */
@Suite
@IncludeEngines("junit-jupiter")
@SelectPackages("cn.gongkai.ledger")
@IncludeClassNamePatterns(ForkOneSuite.CLASSES)
@ExcludeClassNamePatterns(ForkOneSuite.NOT_HERE)
public class ForkOneSuite {

    /** The fully qualified names of the classes of this half. */
    static final String CLASSES = "^cn\\.gongkai\\.ledger\\.(?:[a-z]+\\.)*(?:"
            + "EmbeddedDefaultKillIT|StaleEmbeddedPostgresIT|PublisherKillIT|BrokerOutageIT|BrokerOutage200IT"
            + "|PoisonedEventIT|AnnualTablesTopicIT|DeadLetterIT|FailedBatchIT|RestartIT|DatabaseDurabilityIT"
            + "|PersonalDataKeyringIT|Part4AsOfTest|ReadYourWritesIT|AnnualTablesRebuildIT|YearCloseIT|ImportedRegisterIT"
            + "|PersonalDataErasureIT|PersonalDataLogIT"
            // the architecture tests together, so that the main code is read once (MainCode)
            + "|ModularityTest|ArchitectureDocTest|ArchitectureRulesTest|DisputeVocabularyTest|AnnualTablesPropertyTest"
            + ")$";

    /** Nested classes run with the class around them; the coverage check runs after both halves. */
    static final String NOT_HERE = "^.*\\$.*$|^cn\\.gongkai\\.ledger\\.platform\\.OpenApiCoverageIT$";
}
