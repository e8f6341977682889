/**
 * What happens when an event processor cannot handle an event: the event is parked in its
 * group's dead-letter queue with its sequence (one application, one dispute case), the rest of the
 * processor goes on, and an administrator sees and retries the letters; {@code /actuator/health}
 * reports them as DEGRADED. Internals live in {@code processing.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "事件处理 / processing")
package cn.gongkai.ledger.processing;
