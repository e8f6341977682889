package cn.gongkai.ledger.integrity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the chain ({@code gongkai.integrity.*}).
 *
 * @param grace              how long a stored event may stay out of the chain before verification calls it
 *                           a break; longer than Axon's gap timeout (60 s), so that a late-committing event is
 *                           pending, not broken, while the processor may still pick it up
 * @param checkpointInterval how often the chain's head is published to Kafka (when it moved)
 * @param pageSize           links read per query while verifying
 */
@ConfigurationProperties("gongkai.integrity")
public record IntegrityProperties(
        @DefaultValue("PT10M") Duration grace,
        @DefaultValue("PT60S") Duration checkpointInterval,
        @DefaultValue("1000") int pageSize) {
}
