package cn.gongkai.ledger.access.agencies;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.mock;

import cn.gongkai.ledger.access.Agency;
import cn.gongkai.ledger.access.events.AgencyAdministratorCreated;
import cn.gongkai.ledger.access.events.AgencyAdopted;
import cn.gongkai.ledger.access.events.AgencyCreated;
import cn.gongkai.ledger.access.events.AgencyParentCleared;
import cn.gongkai.ledger.access.events.AgencyParentSet;
import cn.gongkai.ledger.access.events.AgencyRenamed;
import cn.gongkai.ledger.access.internal.StaffUsers;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.platform.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** The agency tree's rules on one agency; the rest of the tree is the table, here a map. */
class AgencyNodeTest {

    /** 驻马店市 with 教育局 below it and 卫健委 below 教育局 (to make a deeper chain); 西平县 on its own. */
    private static final Map<String, Agency> TABLE = Map.of(
            "shi", new Agency("shi", "驻马店市人民政府", null),
            "jyj", new Agency("jyj", "驻马店市教育局", "shi"),
            "wjw", new Agency("wjw", "驻马店市卫生健康委员会", "jyj"),
            "xiping", new Agency("xiping", "西平县人民政府", null));

    private final AggregateTestFixture<AgencyNode> fixture = new AggregateTestFixture<>(AgencyNode.class);

    AgencyNodeTest() {
        fixture.registerInjectableResource(new MapTree(Set.of("shi")));
        fixture.registerInjectableResource(mock(StaffUsers.class));
    }

    @Test
    void anAgencyIsCreatedBelowAKnownParent() {
        fixture.givenNoPriorActivity()
                .when(new CreateAgency("jyj2", "驻马店市教育局二处", "shi", "新设"))
                .expectEvents(new AgencyCreated("jyj2", "驻马店市教育局二处", "shi", "新设"));
    }

    @Test
    void anAgencyBelowAnUnknownParentIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateAgency("new", "某局", "nowhere", "新设"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith("ParentAgencyUnknown"));
    }

    @Test
    void placingAnAgencyBelowOneOfItsOwnDescendantsIsRefusedAsACycle() {
        fixture.given(new AgencyCreated("shi", "驻马店市人民政府", null, "设立"))
                .when(new SetAgencyParent("shi", "wjw", null, "循环"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith("NoCycleInAgencyTree: agency shi cannot be placed below wjw,"
                        + " which is itself below it (wjw → jyj → shi)"));
    }

    @Test
    void anAgencyIsNotItsOwnParent() {
        fixture.given(new AgencyCreated("shi", "驻马店市人民政府", null, "设立"))
                .when(new SetAgencyParent("shi", "shi", null, "自己"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith("AgencyNotItsOwnParent"));
    }

    @Test
    void anAgencyIsPlacedAndTakenOutAgain() {
        fixture.given(new AgencyCreated("xiping", "西平县人民政府", null, "设立"),
                        new AgencyParentSet("xiping", "shi", null, "归入"))
                .when(new SetAgencyParent("xiping", null, 2L, "独立"))
                .expectEvents(new AgencyParentCleared("xiping", "shi", "独立"));
    }

    @Test
    void aRenameToTheSameNameRecordsNothing() {
        fixture.given(new AgencyCreated("xiping", "西平县人民政府", null, "设立"))
                .when(new RenameAgency("xiping", " 西平县人民政府 ", null, "无变化"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aChangeBasedOnAnOlderVersionIsAConflict() {
        fixture.given(new AgencyCreated("xiping", "西平县人民政府", null, "设立"),
                        new AgencyRenamed("xiping", "西平县政府", "西平县人民政府", "更名"))
                .when(new RenameAgency("xiping", "西平县人民政府办公室", 1L, "旧版本"))
                .expectException(ConcurrencyException.class);
    }

    @Test
    void anAgencyWithoutAStreamIsAdoptedAsTheTableHasItBeforeItsFirstChange() {
        fixture.givenNoPriorActivity()
                .when(new RenameAgency("jyj", "驻马店市教育体育局", 0L, "机构改革"))
                .expectEvents(new AgencyAdopted("jyj", "驻马店市教育局", "shi"),
                        new AgencyRenamed("jyj", "驻马店市教育体育局", "驻马店市教育局", "机构改革"));
    }

    @Test
    void anAgencyNeitherInTheStoreNorInTheTableIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RenameAgency("nowhere", "某局", null, "更名"))
                .expectException(NotFound.class);
    }

    @Test
    void theFirstAdministratorIsCreatedWhileThereIsNone() {
        fixture.given(new AgencyCreated("xiping", "西平县人民政府", null, "设立"))
                .when(new CreateAgencyAdministrator("xiping", "admin-xiping", "管理员", "initial-password", "首个"))
                .expectEvents(new AgencyAdministratorCreated("xiping", "admin-xiping", "首个"));
    }

    @Test
    void aSecondAdministratorIsLeftToTheAgencysOwnAdmin() {
        fixture.given(new AgencyCreated("shi", "驻马店市人民政府", null, "设立"))
                .when(new CreateAgencyAdministrator("shi", "admin2-shi", "管理员", "initial-password", "再建"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith("FirstAdministratorOnlyOnce"));
    }

    /** The table as a map; {@code administered}: the agencies that already have an ADMIN. */
    private record MapTree(Set<String> administered) implements AgencyTree {

        @Override
        public void lock() {
        }

        @Override
        public Optional<Agency> find(String agencyId) {
            return Optional.ofNullable(TABLE.get(agencyId));
        }

        @Override
        public boolean idTaken(String agencyId) {
            return TABLE.containsKey(agencyId);
        }

        @Override
        public List<String> ancestorsOf(String agencyId) {
            List<String> above = new ArrayList<>();
            for (Agency at = TABLE.get(agencyId); at != null && at.parentId() != null; at = TABLE.get(at.parentId())) {
                above.add(at.parentId());
            }
            return above;
        }

        @Override
        public boolean hasAdministrator(String agencyId) {
            return administered.contains(agencyId);
        }
    }
}
