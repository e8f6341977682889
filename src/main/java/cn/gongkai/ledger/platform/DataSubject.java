package cn.gongkai.ledger.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the component of a stored record whose value names the person the record's
 * {@link PersonalData} belongs to, for storage purposes: one key per subject, so that erasing one
 * key erases exactly that subject's personal data everywhere it was stored. For an application,
 * the subject is the application ({@code requestId}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface DataSubject {
}
