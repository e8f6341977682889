package cn.gongkai.ledger.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders pages with templates/layout.html: it gets the model the frame needs
 * ({@code me}: the user, their roles and agency) and answers failures with the Chinese error page
 * (404 for another agency's application, 403, 500 without a stack trace) instead of the API's JSON.
 * Page paths are anything outside {@code /api/**}; they sit behind the sign-in form and its session.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
