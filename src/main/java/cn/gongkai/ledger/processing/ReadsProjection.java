package cn.gongkai.ledger.processing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint (method, or every method of a class) that answers from read models kept by these
 * event processors. A client that sends {@value ReadYourWrites#CONSISTENT_AFTER} (or
 * {@code ?consistentAfter=}) with the {@value ReadYourWrites#EVENT_POSITION} of its last command is
 * answered only once every one of them has processed that position, within a bounded wait
 * (README, "Read-your-writes"; ADR 0014). An endpoint that reads the event store needs none.
 *
 * <p>Name the processors by their projection's {@code PROCESSING_GROUP} constant; an unknown name
 * stops the service at start-up.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadsProjection {

    /** The processing groups whose read models the endpoint reads. */
    String[] value();
}
