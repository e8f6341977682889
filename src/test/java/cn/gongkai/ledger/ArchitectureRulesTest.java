package cn.gongkai.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.platform.ProcessManager;
import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestReceived;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way at run time too (issue 12): a read model never sends a command, and no module but
 * requests reads the request event stream. Each rule is also checked against a class of this test that
 * breaks it, so that a rule that can no longer fail is noticed.
 */
class ArchitectureRulesTest {

    private static final JavaClasses MAIN = MainCode.classes();

    /** A class with {@code @EventHandler} methods that is not a designated process: a projection. */
    private static final DescribedPredicate<JavaClass> PROJECTIONS = DescribedPredicate.describe(
            "handle events (@EventHandler) and are not a @ProcessManager",
            type -> !type.isAnnotatedWith(ProcessManager.class)
                    && type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(EventHandler.class)));

    /** A class that reads an aggregate's event stream from the event store. */
    private static final DescribedPredicate<JavaClass> STREAM_READERS = DescribedPredicate.describe(
            "read an event stream (EventStore.readEvents)",
            type -> type.getMethodCallsFromSelf().stream().anyMatch(call -> call.getName().equals("readEvents")
                    && call.getTargetOwner().isAssignableTo(EventStore.class)));

    static final ArchRule PROJECTIONS_SEND_NO_COMMANDS = noClasses().that(PROJECTIONS)
            .should().dependOnClassesThat().areAssignableTo(CommandGateway.class)
            .orShould().dependOnClassesThat().areAssignableTo(CommandBus.class)
            .because("a read model only reads; a reaction that changes an aggregate is a @ProcessManager of its own");

    static final ArchRule ONLY_REQUESTS_READS_THE_REQUEST_STREAM = noClasses()
            .that().resideOutsideOfPackage("cn.gongkai.ledger.requests..")
            .and(STREAM_READERS)
            .should().dependOnClassesThat().resideInAPackage("cn.gongkai.ledger.requests.events..")
            .because("other modules ask the request register's published lookup (requests.Applications)");

    @Test
    void noProjectionSendsACommand() {
        PROJECTIONS_SEND_NO_COMMANDS.check(MAIN);
    }

    @Test
    void noModuleButRequestsReadsTheRequestEventStream() {
        ONLY_REQUESTS_READS_THE_REQUEST_STREAM.check(MAIN);
    }

    @Test
    void theRulesFailOnClassesThatBreakThem() {
        JavaClasses breaking = new ClassFileImporter().importClasses(ProjectionThatSendsCommands.class,
                ReaderOfTheRequestStream.class);
        assertThatThrownBy(() -> PROJECTIONS_SEND_NO_COMMANDS.check(breaking))
                .isInstanceOf(AssertionError.class).hasMessageContaining(ProjectionThatSendsCommands.class.getName());
        assertThatThrownBy(() -> ONLY_REQUESTS_READS_THE_REQUEST_STREAM.check(breaking))
                .isInstanceOf(AssertionError.class).hasMessageContaining(ReaderOfTheRequestStream.class.getName());
    }

    /** Breaks the first rule, as the annual tables' projection did when it swept the year end itself. */
    static class ProjectionThatSendsCommands {

        private final CommandGateway commands;

        ProjectionThatSendsCommands(CommandGateway commands) {
            this.commands = commands;
        }

        @EventHandler
        void on(RequestReceived event) {
            commands.send(event);
        }
    }

    /** Breaks the second rule, as the disputes module's lookup did when it folded an application's events. */
    static class ReaderOfTheRequestStream {

        private final EventStore eventStore;

        ReaderOfTheRequestStream(EventStore eventStore) {
            this.eventStore = eventStore;
        }

        Optional<Object> concluded(UUID requestId) {
            DomainEventStream events = eventStore.readEvents(requestId.toString());
            while (events.hasNext()) {
                if (events.next().getPayload() instanceof RequestConcluded concluded) {
                    return Optional.of(concluded.concludedOn());
                }
            }
            return Optional.empty();
        }
    }
}
