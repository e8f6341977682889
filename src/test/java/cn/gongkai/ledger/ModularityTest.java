package cn.gongkai.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.gongkai.ledger.platform.DataSubject;
import cn.gongkai.ledger.platform.PersonalData;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules keep to their boundaries, and the events stay a contract of plain data. */
class ModularityTest {

    private static final ApplicationModules MODULES = MainCode.modules();
    private static final JavaClasses MAIN = MainCode.classes();

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    /**
     * Besides the JDK and their vocabulary, events may name only annotations about how they are
     * stored: Axon's {@code @Revision} and platform's {@code @PersonalData} / {@code @DataSubject}.
     */
    @Test
    void eventsDependOnlyOnTheJdkTheirVocabularyAndAxonsRevision() {
        classes().that().resideInAPackage("..requests.events..").and().doNotHaveSimpleName("package-info")
                .should().onlyDependOnClassesThat(
                        JavaClass.Predicates.resideInAnyPackage(
                                        "java..", "cn.gongkai.ledger.requests", "cn.gongkai.ledger.requests.events")
                                .or(JavaClass.Predicates.equivalentTo(Revision.class))
                                .or(JavaClass.Predicates.equivalentTo(PersonalData.class))
                                .or(JavaClass.Predicates.equivalentTo(DataSubject.class)))
                .check(MAIN);
    }

    @Test
    void theDomainNeverReadsTheSystemClock() {
        noClasses().that().resideInAPackage("..requests.write..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .check(MAIN);
    }
}
