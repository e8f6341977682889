package cn.gongkai.ledger.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The one source of "now"; tests replace it to travel in time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(BusinessClock.ZONE);
    }
}
