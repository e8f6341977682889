package cn.gongkai.ledger.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event handler that reacts to events by sending commands: a process of its own (the
 * year-end sweep), never a read model. Every other class with {@code @EventHandler} methods is a
 * projection and may not send commands (ArchitectureRulesTest): a read model only reads.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProcessManager {
}
