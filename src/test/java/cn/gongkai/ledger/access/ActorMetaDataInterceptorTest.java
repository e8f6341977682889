package cn.gongkai.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ActorMetaDataInterceptorTest {

    private final ActorMetaDataInterceptor interceptor = new ActorMetaDataInterceptor(new CurrentActor());

    @AfterEach
    void forgetUserAndRequest() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aCommandSentFromAnHttpRequestCarriesTheLoggedInUserAndTheClientAddress() {
        logIn(new StaffPrincipal("reviewer-kaifaqu", "{bcrypt}x", "审核人甲", "kaifaqu",
                Set.of(Role.REVIEWER, Role.HEAD), true));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/requests");
        request.setRemoteAddr("192.0.2.15");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        CommandMessage<?> sent = interceptor.handle(command(MetaData.emptyInstance()));

        assertThat(sent.getMetaData()).containsAllEntriesOf(Map.of(
                ActorMetaData.USERNAME, "reviewer-kaifaqu",
                ActorMetaData.AGENCY, "kaifaqu",
                ActorMetaData.ROLES, "REVIEWER,HEAD",
                ActorMetaData.CLIENT_ADDRESS, "192.0.2.15"));
        assertThat(Actor.from(sent.getMetaData()))
                .isEqualTo(new Actor("reviewer-kaifaqu", "kaifaqu", Set.of(Role.REVIEWER, Role.HEAD)));
    }

    @Test
    void aCommandSentOutsideAnHttpRequestCarriesTheUserWithoutAClientAddress() {
        logIn(new StaffPrincipal("handler-yicheng", "{bcrypt}x", "经办人甲", "yicheng", Set.of(Role.HANDLER), true));

        CommandMessage<?> sent = interceptor.handle(command(MetaData.emptyInstance()));

        assertThat(sent.getMetaData()).containsEntry(ActorMetaData.USERNAME, "handler-yicheng")
                .doesNotContainKey(ActorMetaData.CLIENT_ADDRESS);
    }

    @Test
    void aCommandThatAlreadyNamesItsActorIsLeftAsItIs() {
        // given: a system job names itself while a user happens to be logged in on the thread
        logIn(new StaffPrincipal("handler-kaifaqu", "{bcrypt}x", "经办人甲", "kaifaqu", Set.of(Role.HANDLER), true));
        MetaData system = MetaData.from(Actor.system("deadline-watch", "kaifaqu").toMetaData());

        CommandMessage<?> sent = interceptor.handle(command(system));

        assertThat(sent.getMetaData()).containsAllEntriesOf(system);
        assertThat(Actor.from(sent.getMetaData()).isSystem()).isTrue();
    }

    @Test
    void aCommandSentWithNeitherActorNorUserGetsNoActorAndItsHandlerFindsNone() {
        CommandMessage<?> sent = interceptor.handle(command(MetaData.emptyInstance()));

        assertThat(sent.getMetaData()).containsOnlyKeys(ActorMetaData.CORRELATION_ID);
        assertThatThrownBy(() -> Actor.from(sent.getMetaData()))
                .isInstanceOf(NoActor.class);
    }

    @Test
    void aCommandCarriesTheCorrelationIdOfItsRequestOrJobAndKeepsAnInheritedOne() {
        CommandMessage<?> inRequest;
        try (Correlation.Scope request = Correlation.open("req-1")) {
            inRequest = interceptor.handle(command(MetaData.emptyInstance()));
        }
        CommandMessage<?> inherited;
        try (Correlation.Scope request = Correlation.open("req-2")) {
            inherited = interceptor.handle(command(MetaData.with(ActorMetaData.CORRELATION_ID, "from-the-event")));
        }
        CommandMessage<?> outside = interceptor.handle(command(MetaData.emptyInstance()));

        assertThat(inRequest.getMetaData()).containsEntry(ActorMetaData.CORRELATION_ID, "req-1");
        assertThat(inherited.getMetaData()).containsEntry(ActorMetaData.CORRELATION_ID, "from-the-event");
        assertThat(outside.getMetaData().get(ActorMetaData.CORRELATION_ID)).isNotNull().isNotEqualTo("req-1");
        assertThat(Correlation.current()).isEmpty();
    }

    @Test
    void theReasonIsRecordedExactlyWhenTheCommandGivesOne() {
        GivesReason withReason = () -> "需调取档案";
        GivesReason blank = () -> " ";

        CommandMessage<?> reasoned = interceptor.handle(GenericCommandMessage.asCommandMessage(withReason));
        CommandMessage<?> blankReason = interceptor.handle(GenericCommandMessage.asCommandMessage(blank));
        CommandMessage<?> smuggled = interceptor.handle(command(MetaData.with(ActorMetaData.REASON, "set by hand")));

        assertThat(reasoned.getMetaData()).containsEntry(ActorMetaData.REASON, "需调取档案");
        assertThat(blankReason.getMetaData()).doesNotContainKey(ActorMetaData.REASON);
        assertThat(smuggled.getMetaData()).doesNotContainKey(ActorMetaData.REASON);
    }

    @Test
    void eventsCopyWhoActedFromWhereAndWhyFromTheirCommandAndNameItAsTheirCause() {
        CorrelationDataProvider provider = new SecurityConfiguration().auditTrailCorrelationData();
        CommandMessage<?> command = command(MetaData.from(
                        new Actor("head-kaifaqu", "kaifaqu", Set.of(Role.HEAD)).toMetaData())
                .and(ActorMetaData.CLIENT_ADDRESS, "192.0.2.15")
                .and(ActorMetaData.CORRELATION_ID, "req-1")
                .and(ActorMetaData.REASON, "年度结束")
                .and("unrelated", "not copied"));

        Map<String, ?> copied = provider.correlationDataFor(command);

        assertThat(copied).containsOnlyKeys(ActorMetaData.USERNAME, ActorMetaData.AGENCY, ActorMetaData.ROLES,
                ActorMetaData.CLIENT_ADDRESS, ActorMetaData.REASON, ActorMetaData.CORRELATION_ID,
                ActorMetaData.CAUSATION_ID);
        assertThat(copied.get(ActorMetaData.CAUSATION_ID)).isEqualTo(command.getIdentifier());
        assertThat(copied.get(ActorMetaData.CORRELATION_ID)).isEqualTo("req-1");
    }

    @Test
    void aCommandSentInReactionToAnEventInheritsOnlyItsCorrelationAndNamesTheEventAsItsCause() {
        CorrelationDataProvider provider = new SecurityConfiguration().auditTrailCorrelationData();
        EventMessage<?> event = GenericEventMessage.asEventMessage("an event").andMetaData(MetaData.from(
                        new Actor("handler-kaifaqu", "kaifaqu", Set.of(Role.HANDLER)).toMetaData())
                .and(ActorMetaData.CLIENT_ADDRESS, "192.0.2.15")
                .and(ActorMetaData.CORRELATION_ID, "req-1")
                .and(ActorMetaData.REASON, "需调取档案"));

        Map<String, Object> copied = Map.copyOf(provider.correlationDataFor(event));

        assertThat(copied).isEqualTo(Map.of(
                ActorMetaData.CORRELATION_ID, "req-1",
                ActorMetaData.CAUSATION_ID, event.getIdentifier()));
    }

    private static CommandMessage<?> command(MetaData metaData) {
        return GenericCommandMessage.asCommandMessage("a command").andMetaData(metaData);
    }

    private static void logIn(StaffPrincipal staff) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
    }
}
