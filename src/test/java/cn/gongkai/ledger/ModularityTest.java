package cn.gongkai.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules keep to their boundaries, and the events stay a contract of plain data. */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(GongkaiLedgerApplication.class);
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.gongkai.ledger");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    @Test
    void eventsDependOnlyOnTheJdkTheirVocabularyAndAxonsRevision() {
        classes().that().resideInAPackage("..requests.events..").and().doNotHaveSimpleName("package-info")
                .should().onlyDependOnClassesThat(
                        JavaClass.Predicates.resideInAnyPackage(
                                        "java..", "cn.gongkai.ledger.requests", "cn.gongkai.ledger.requests.events")
                                .or(JavaClass.Predicates.equivalentTo(Revision.class)))
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
