package cn.gongkai.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
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
        // given
        logIn(new StaffPrincipal("reviewer-kaifaqu", "{bcrypt}x", "审核人甲", "kaifaqu",
                Set.of(Role.REVIEWER, Role.HEAD), true));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/requests");
        request.setRemoteAddr("192.0.2.15");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        // when
        CommandMessage<?> sent = interceptor.handle(command(MetaData.emptyInstance()));

        // then
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

        // when
        CommandMessage<?> sent = interceptor.handle(command(system));

        // then
        assertThat(sent.getMetaData()).isEqualTo(system);
    }

    @Test
    void aCommandSentWithNeitherActorNorUserPassesUnchangedAndItsHandlerFindsNoActor() {
        CommandMessage<?> sent = interceptor.handle(command(MetaData.emptyInstance()));

        assertThat(sent.getMetaData()).isEmpty();
        assertThatThrownBy(() -> Actor.from(sent.getMetaData()))
                .isInstanceOf(NoActor.class);
    }

    @Test
    void eventsCopyWhoActedAndFromWhereFromTheirCommand() {
        CorrelationDataProvider provider = new SecurityConfiguration().actorCorrelationData();
        MetaData commandMetaData = MetaData.from(new Actor("head-kaifaqu", "kaifaqu", Set.of(Role.HEAD)).toMetaData())
                .and(ActorMetaData.CLIENT_ADDRESS, "192.0.2.15")
                .and("unrelated", "not copied");

        Map<String, ?> copied = provider.correlationDataFor(command(commandMetaData));

        assertThat(copied).containsOnlyKeys(ActorMetaData.KEYS);
    }

    private static CommandMessage<?> command(MetaData metaData) {
        return GenericCommandMessage.asCommandMessage("a command").andMetaData(metaData);
    }

    private static void logIn(StaffPrincipal staff) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
    }
}
