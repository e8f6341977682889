package cn.gongkai.ledger;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code LocalDate} field or parameter of a {@link LedgerIntegrationTest} class that holds the
 * service's business date (its clock, Asia/Shanghai), set by {@link LedgerIntegrationExtension}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Today {
}
