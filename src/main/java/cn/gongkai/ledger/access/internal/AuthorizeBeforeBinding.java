package cn.gongkai.ledger.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks an endpoint's {@code @PreAuthorize} before Spring MVC reads and validates the request
 * body. Method security alone runs when the method is called, after binding: a caller without the
 * role who sent a broken body would learn from a 400 which fields the endpoint wants, instead of
 * getting the 403 they are owed. The check here is the same expression, evaluated earlier; method
 * security still runs on the call itself, so an endpoint is never less protected than its
 * annotation says. The expressions in this service name roles only, never the method's arguments,
 * which do not exist yet at this point (a test of the access matrix sends broken bodies as
 * callers without the role).
 */
@Component
class AuthorizeBeforeBinding implements HandlerInterceptor, WebMvcConfigurer {

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();
    private final AuthorizationEventPublisher events;

    AuthorizeBeforeBinding(ApplicationContext context, AuthorizationEventPublisher events) {
        preAuthorize.setApplicationContext(context);
        this.events = events;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !annotated(method)) {
            return true;
        }
        var invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod());
        Supplier<Authentication> caller = () -> SecurityContextHolder.getContext().getAuthentication();
        AuthorizationResult result = preAuthorize.authorize(caller, invocation);
        if (result != null && !result.isGranted()) {
            // published as method security would, so that the refusal is logged with who and what
            events.publishAuthorizationEvent(caller, invocation, result);
            throw new AuthorizationDeniedException("Access Denied", result);
        }
        return true;
    }

    private static boolean annotated(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
    }
}
