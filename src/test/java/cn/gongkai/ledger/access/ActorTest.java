package cn.gongkai.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void anActorSurvivesTheRoundTripThroughMetadata() {
        Actor actor = new Actor("reviewer-kaifaqu", "kaifaqu", Set.of(Role.REVIEWER, Role.HEAD));

        Actor read = Actor.from(MetaData.from(actor.toMetaData()));

        assertThat(read).isEqualTo(actor);
        assertThat(read.has(Role.HEAD)).isTrue();
        assertThat(read.has(Role.HANDLER)).isFalse();
    }

    @Test
    void theMetadataHoldsPlainStringsWithRolesCommaSeparatedInDeclarationOrder() {
        Actor actor = new Actor("head-yicheng", "yicheng", Set.of(Role.ADMIN, Role.HANDLER, Role.HEAD));

        assertThat(actor.toMetaData()).containsExactly(
                Map.entry(ActorMetaData.USERNAME, "head-yicheng"),
                Map.entry(ActorMetaData.AGENCY, "yicheng"),
                Map.entry(ActorMetaData.ROLES, "HANDLER,HEAD,ADMIN"));
    }

    @Test
    void anActorSurvivesTheJsonSerializationThatStoresEventMetadata() {
        Actor actor = new Actor("handler-kaifaqu", "kaifaqu", Set.of(Role.HANDLER));
        MetaData metaData = MetaData.from(actor.toMetaData()).and(ActorMetaData.CLIENT_ADDRESS, "10.0.0.7");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

        SerializedObject<byte[]> stored = serializer.serialize(metaData, byte[].class);
        MetaData read = serializer.deserialize(stored);

        assertThat(Actor.from(read)).isEqualTo(actor);
        assertThat(read.get(ActorMetaData.CLIENT_ADDRESS)).isEqualTo("10.0.0.7");
    }

    @Test
    void anActorWithoutRolesSurvivesTheRoundTrip() {
        Actor job = Actor.system("deadline-watch", "yicheng");

        Actor read = Actor.from(MetaData.from(job.toMetaData()));

        assertThat(read).isEqualTo(job);
        assertThat(read.roles()).isEmpty();
        assertThat(read.isSystem()).isTrue();
        assertThat(read.username()).isEqualTo("system:deadline-watch");
    }

    @Test
    void staffUsersAreNotSystemActors() {
        assertThat(new Actor("handler-kaifaqu", "kaifaqu", Set.of(Role.HANDLER)).isSystem()).isFalse();
    }

    @Test
    void metadataWithoutAnActorIsRejectedWithAnExplanation() {
        MetaData metaData = MetaData.with("traceId", "abc");

        assertThatThrownBy(() -> Actor.from(metaData))
                .isInstanceOf(NoActor.class)
                .hasMessageContaining("'actor'")
                .hasMessageContaining("Actor.system");
    }

    @Test
    void metadataWithAnActorButNoAgencyIsRejected() {
        MetaData metaData = MetaData.with(ActorMetaData.USERNAME, "handler-kaifaqu")
                .and(ActorMetaData.ROLES, "HANDLER");

        assertThatThrownBy(() -> Actor.from(metaData))
                .isInstanceOf(NoActor.class)
                .hasMessageContaining("'agency'");
    }

    @Test
    void metadataNamingAnUnknownRoleIsRejected() {
        MetaData metaData = MetaData.with(ActorMetaData.USERNAME, "handler-kaifaqu")
                .and(ActorMetaData.AGENCY, "kaifaqu")
                .and(ActorMetaData.ROLES, "HANDLER,JANITOR");

        assertThatThrownBy(() -> Actor.from(metaData))
                .isInstanceOf(NoActor.class)
                .hasMessageContaining("JANITOR");
    }

    @Test
    void anActorNeedsAnAgency() {
        assertThatThrownBy(() -> new Actor("handler-kaifaqu", " ", Set.of(Role.HANDLER)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRolesOfAnActorCannotBeChangedAfterwards() {
        Actor actor = new Actor("handler-kaifaqu", "kaifaqu", Set.of(Role.HANDLER));

        assertThatThrownBy(() -> actor.roles().add(Role.ADMIN)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyRoleHasAChineseLabelAndASpringAuthority() {
        assertThat(Role.HANDLER.label()).isEqualTo("经办人");
        assertThat(Role.AUDITOR.label()).isEqualTo("审计人员");
        assertThat(Role.REVIEWER.authority()).isEqualTo("ROLE_REVIEWER");
    }
}
