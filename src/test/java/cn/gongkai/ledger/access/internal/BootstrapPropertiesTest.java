package cn.gongkai.ledger.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class BootstrapPropertiesTest {

    @Test
    void theBootstrapAdministratorIsConfiguredByEnvironmentVariables() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "GONGKAI_BOOTSTRAP_ADMIN_PASSWORD", "correct horse battery",
                "GONGKAI_BOOTSTRAP_AGENCY_ID", "kaifaqu",
                "GONGKAI_BOOTSTRAP_AGENCY_NAME", "驻马店经济开发区管委会",
                "GONGKAI_BOOTSTRAP_PLATFORM_ADMIN_PASSWORD", "staple platform horse")));

        BootstrapProperties bound = new Binder(ConfigurationPropertySources.from(sources))
                .bind("gongkai.bootstrap", BootstrapProperties.class)
                .get();

        assertThat(bound).isEqualTo(new BootstrapProperties("correct horse battery", "kaifaqu", "驻马店经济开发区管委会",
                "staple platform horse"));
        assertThat(bound.complete()).isTrue();
        assertThat(bound.platformAdminWanted()).isTrue();
        assertThat(bound.toString()).doesNotContain("correct horse battery").doesNotContain("staple platform horse");
    }

    @Test
    void withoutAPasswordNoAdministratorIsCreated() {
        assertThat(new BootstrapProperties(null, "kaifaqu", "驻马店经济开发区管委会", null).complete()).isFalse();
        assertThat(new BootstrapProperties(" ", "kaifaqu", "驻马店经济开发区管委会", null).complete()).isFalse();
    }
}
