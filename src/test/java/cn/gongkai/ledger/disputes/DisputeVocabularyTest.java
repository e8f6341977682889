package cn.gongkai.ledger.disputes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.MainCode;
import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Arrays;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** The case kinds and results map one to one onto part 四, and the events stay plain data. */
class DisputeVocabularyTest {

    private static final JavaClasses MAIN = MainCode.classes().that(
            JavaClass.Predicates.resideInAPackage("cn.gongkai.ledger.disputes.."));

    @Test
    void eachKindIsOnePart4GroupOfTheSameName() {
        assertThat(Arrays.stream(DisputeKind.values()).map(DisputeKind::group).toList())
                .containsExactly(DisputeGroup.values());
        for (DisputeGroup group : DisputeGroup.values()) {
            assertThat(DisputeKind.of(group).group()).isEqualTo(group);
        }
    }

    @Test
    void eachResultIsOnePart4ColumnOfTheSameName() {
        assertThat(Arrays.stream(DisputeResult.values()).map(DisputeResult::column).toList())
                .containsExactly(DisputeColumn.UPHELD, DisputeColumn.CORRECTED, DisputeColumn.OTHER);
        assertThat(Arrays.stream(DisputeResult.values()).map(DisputeResult::label).toList())
                .isEqualTo(List.of(DisputeColumn.UPHELD.label(), DisputeColumn.CORRECTED.label(),
                        DisputeColumn.OTHER.label()));
    }

    @Test
    void eventsDependOnlyOnTheJdkTheirVocabularyAndAxonsRevision() {
        classes().that().resideInAPackage("..disputes.events..").and().doNotHaveSimpleName("package-info")
                .should().onlyDependOnClassesThat(
                        JavaClass.Predicates.resideInAnyPackage(
                                        "java..", "cn.gongkai.ledger.disputes", "cn.gongkai.ledger.disputes.events")
                                .or(JavaClass.Predicates.equivalentTo(Revision.class)))
                .check(MAIN);
    }

    @Test
    void theDomainNeverReadsTheSystemClock() {
        noClasses().that().resideInAPackage("..disputes.write..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .check(MAIN);
    }
}
