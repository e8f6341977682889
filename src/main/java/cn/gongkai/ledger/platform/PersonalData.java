package cn.gongkai.ledger.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a stored record (an event) as personal data: the event store keeps it
 * encrypted with the key of the record's {@link DataSubject}, and once that key is erased it reads
 * as {@link #ERASED}. The Java type does not change; only its stored form does (ADR 0009).
 *
 * <p>A {@code String} component reads as {@link #ERASED} after erasure; a record component reads as
 * that record with every {@code String} component {@link #ERASED} and every other one null.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {

    /** What erased personal data reads as. */
    String ERASED = "已删除";

    /** What personal data reads as in a processor that does not need it ({@link WithholdPersonalData}). */
    String WITHHELD = "未解密";
}
