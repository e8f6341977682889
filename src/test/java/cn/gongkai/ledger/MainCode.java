package cn.gongkai.ledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The main code as the architecture tests read it, each reading made once per JVM and only when first asked
 * for: importing every class takes seconds, and four test classes ask (docs/test-suite.md).
 */
public final class MainCode {

    private MainCode() {
    }

    /** Every class of src/main, as ArchUnit reads them. */
    public static JavaClasses classes() {
        return Classes.ALL;
    }

    /** Spring Modulith's modules of the application. */
    public static ApplicationModules modules() {
        return Modules.ALL;
    }

    private static final class Classes {
        static final JavaClasses ALL = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.gongkai.ledger");
    }

    private static final class Modules {
        static final ApplicationModules ALL = ApplicationModules.of(GongkaiLedgerApplication.class);
    }
}
