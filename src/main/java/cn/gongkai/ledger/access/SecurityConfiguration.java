package cn.gongkai.ledger.access;

import cn.gongkai.ledger.access.internal.JsonSecurityErrors;
import cn.gongkai.ledger.access.internal.StaffUserDetailsService;
import jakarta.servlet.DispatcherType;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Staff log in with HTTP Basic against {@code staff_user}; endpoints say which
 * role they need with {@code @PreAuthorize("hasRole('REVIEWER')")}. Failures are answered in JSON:
 * 401 when not logged in, 403 when the role or agency does not allow it.
 *
 * <p>Also wires the actor into Axon: every command sent through the gateway carries the logged-in
 * user ({@link ActorMetaDataInterceptor}) and every event copies it from its command.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfiguration {

    /** Paths anyone may read: the API description and the health probes. */
    private static final String[] PUBLIC_PATHS = {
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**", "/error"};

    /**
     * The JSON API. CSRF protection is off here because it defends cookie-borne sessions, and this
     * API has none: it is stateless and every request carries its credentials in the Authorization
     * header, which a foreign site cannot make a browser add.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonSecurityErrors errors) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(errors))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }

    /** Everything else: the API description and health are public, the rest needs a login; CSRF stays on. */
    @Bean
    @Order(2)
    SecurityFilterChain defaultSecurity(HttpSecurity http, JsonSecurityErrors errors) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(errors))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }

    /** Passwords are stored as {@code {bcrypt}...}; the prefix lets a later algorithm take over hash by hash. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(JdbcClient jdbc) {
        return new StaffUserDetailsService(jdbc);
    }

    @Bean
    ActorMetaDataInterceptor actorMetaDataInterceptor(CurrentActor currentActor) {
        // Axon's InterceptorAutoConfiguration registers every MessageDispatchInterceptor bean on the
        // CommandGateway; registering it here again would run it twice.
        return new ActorMetaDataInterceptor(currentActor);
    }

    /** Copies who acted, and from where, from each command onto every event it produces. */
    @Bean
    CorrelationDataProvider actorCorrelationData() {
        return new SimpleCorrelationDataProvider(ActorMetaData.KEYS.toArray(String[]::new));
    }
}
