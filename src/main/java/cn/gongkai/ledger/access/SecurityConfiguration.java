package cn.gongkai.ledger.access;

import cn.gongkai.ledger.access.internal.ApiTokenFilter;
import cn.gongkai.ledger.access.internal.ApiTokens;
import cn.gongkai.ledger.access.internal.JsonSecurityErrors;
import cn.gongkai.ledger.access.internal.LoginAttempts;
import cn.gongkai.ledger.access.internal.LoginAttemptsProperties;
import cn.gongkai.ledger.access.internal.LoginThrottleFilter;
import cn.gongkai.ledger.access.internal.SecurityEventListener;
import cn.gongkai.ledger.access.internal.StaffUserDetailsService;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Staff log in with HTTP Basic against {@code staff_user} (on the pages: a sign-in form and
 * a session, {@link #pageSecurity}), service accounts send
 * an API token as {@code Authorization: Bearer} on {@code /api/**} ({@link ApiTokenFilter}); endpoints say which
 * role they need with {@code @PreAuthorize("hasRole('REVIEWER')")}. Failures are answered in JSON:
 * 401 when not logged in, 403 when the role does not allow it, 429 after too many failed logins
 * ({@link LoginThrottleFilter}); failed logins and refusals are logged ({@link SecurityEventListener}).
 * Every response carries the security headers set here; what each protects against, and what is
 * not done yet, is in {@code docs/security.md}.
 *
 * <p>Also wires the audit trail into Axon: every command sent through the gateway carries the
 * logged-in user, the correlation id and its reason ({@link ActorMetaDataInterceptor}); every event
 * copies them from its command ({@link AuditTrailCorrelationData}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(LoginAttemptsProperties.class)
public class SecurityConfiguration {

    /** Paths anyone may read: the API description and the health probes. */
    private static final String[] PUBLIC_PATHS = {
            "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health",
            "/actuator/health/**", "/error"};

    /** What {@link #defaultSecurity} covers; {@code /api/**} is the API's, everything else the pages'. */
    private static final String[] DEFAULT_CHAIN_PATHS = {
            "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
            "/actuator", "/actuator/**", "/error"};

    /** The pages' sign-in form (GET) and where it posts to (POST). */
    static final String SIGN_IN_PAGE = "/login";

    /**
     * The pages load scripts, styles and images from this origin only; no inline script or style,
     * no eval, no frames, forms post only here.
     */
    static final String PAGES_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
            + " form-action 'self'";

    /** A page form refused by the CSRF check, in the pages' words (templates are the web module's). */
    private static final String FORM_REFUSED_PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="UTF-8"><title>无法提交 · 政府信息公开申请台账</title>
            <link rel="stylesheet" href="/css/ledger.css"></head>
            <body><main class="narrow"><h1>无法提交 <small class="code">403</small></h1>
            <p>页面已过期或表单无效（安全校验未通过），没有保存任何内容。请返回上一页，刷新后重新填写提交。</p>
            <p><a href="/">返回首页</a></p></main></body></html>
            """;

    /** The browsable API description; the only pages that run scripts and styles. */
    private static final String[] SWAGGER_UI_PATHS = {"/swagger-ui/**", "/swagger-ui.html"};

    /** JSON needs nothing from a browser: no scripts, no frames, no forms, no base. */
    static final String STRICT_CSP =
            "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    /**
     * Swagger UI loads its own scripts and styles, sets inline style attributes, shows data: icons,
     * and fetches {@code /v3/api-docs}: all from this origin, nothing from elsewhere, no eval.
     */
    static final String SWAGGER_UI_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
            + " base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /**
     * The JSON API. CSRF protection is off here because it defends cookie-borne sessions, and this
     * API has none: it is stateless and every request carries its credentials (Basic or Bearer) in the
     * Authorization header, which a foreign site cannot make a browser add.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonSecurityErrors errors, LoginAttempts loginAttempts,
                                    ApiTokens apiTokens) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(errors))
                .addFilterBefore(new LoginThrottleFilter(loginAttempts, errors), BasicAuthenticationFilter.class)
                // API tokens (Authorization: Bearer gk_...) for service accounts; only on /api/**
                .addFilterBefore(new ApiTokenFilter(apiTokens, loginAttempts, errors), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> securityHeaders(headers)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(STRICT_CSP)))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }

    /**
     * The API description, the actuator and the servlet container's {@code /error}: the description and
     * health are public, the other actuator endpoints are for administrators; Basic as on the API.
     */
    @Bean
    @Order(2)
    SecurityFilterChain defaultSecurity(HttpSecurity http, JsonSecurityErrors errors, LoginAttempts loginAttempts)
            throws Exception {
        RequestMatcher swaggerUi = new OrRequestMatcher(Arrays.stream(SWAGGER_UI_PATHS)
                .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
                .toList());
        return http
                .securityMatcher(new OrRequestMatcher(Arrays.stream(DEFAULT_CHAIN_PATHS)
                        .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
                        .toList()))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(errors))
                .addFilterBefore(new LoginThrottleFilter(loginAttempts, errors), BasicAuthenticationFilter.class)
                .headers(headers -> securityHeaders(headers)
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                                new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                                new ContentSecurityPolicyHeaderWriter(STRICT_CSP))))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }

    /**
     * The pages for people (module {@code web} and each module's page controllers): everything that is
     * neither the API nor the paths of {@link #defaultSecurity}. A person signs in once with the form at
     * {@code /login} (one bcrypt check per sign-in, issue 10) and then holds a session: its cookie is
     * HttpOnly and SameSite=Lax, it times out after {@code server.servlet.session.timeout}, and because a
     * browser sends it by itself, CSRF protection is on for every form. Failed sign-ins are counted and
     * throttled with the API's counts ({@link LoginThrottleFilter#forSignInForm}).
     */
    @Bean
    @Order(3)
    SecurityFilterChain pageSecurity(HttpSecurity http, JsonSecurityErrors errors, LoginAttempts loginAttempts)
            throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(SIGN_IN_PAGE, "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN_PAGE).defaultSuccessUrl("/", false)
                        .failureUrl(SIGN_IN_PAGE + "?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(SIGN_IN_PAGE + "?logout")
                        .deleteCookies("JSESSIONID"))
                .addFilterBefore(LoginThrottleFilter.forSignInForm(loginAttempts, SIGN_IN_PAGE,
                                (request, response, wait) -> response.sendRedirect(request.getContextPath()
                                        + SIGN_IN_PAGE + "?wait=" + Math.max(1, (wait.toMillis() + 999) / 1000))),
                        UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .headers(headers -> securityHeaders(headers)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_CSP)))
                // refused before any page controller: a form without a valid CSRF token (an expired session),
                // a short page for a browser, the usual JSON body for any other client
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, denied) -> {
                    String accept = request.getHeader("Accept");
                    if (accept == null || !accept.contains("text/html")) {
                        errors.handle(request, response, denied);
                        return;
                    }
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write(FORM_REFUSED_PAGE);
                }))
                .build();
    }

    /**
     * The headers both chains send besides the CSP. Spring Security's defaults stay on: {@code
     * X-Content-Type-Options: nosniff}, {@code Cache-Control: no-cache, no-store, max-age=0,
     * must-revalidate} (every API answer may carry personal data), and {@code
     * Strict-Transport-Security}, which it sends only on requests that arrived over HTTPS.
     */
    private static HeadersConfigurer<HttpSecurity> securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        return headers
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
    }

    /** In-memory failure counts; the real clock, not the business clock that tests move through the years. */
    @Bean
    LoginAttempts loginAttempts(LoginAttemptsProperties limits) {
        return new LoginAttempts(limits, Clock.systemUTC());
    }

    @Bean
    SecurityEventListener securityEventListener(LoginAttempts loginAttempts) {
        return new SecurityEventListener(loginAttempts);
    }

    /** Lets refusals by URL rules and by {@code @PreAuthorize} be logged ({@link SecurityEventListener}). */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
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

    /**
     * Copies who acted, from where and why from each command onto every event it produces, and
     * the correlation and causation ids from every message onto what its handling produces.
     */
    @Bean
    CorrelationDataProvider auditTrailCorrelationData() {
        return new AuditTrailCorrelationData();
    }
}
