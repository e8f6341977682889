package cn.gongkai.ledger.requests.write.erasure;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the applicant's personal data is kept after an application is concluded
 * ({@code gongkai.personal-data.retention}, an ISO period, default {@code P10Y}). The regulation
 * texts at hand give no figure: the agency's records schedule decides, so it is configuration, not
 * code. Injected into the command handler as a bean.
 */
@ConfigurationProperties("gongkai.personal-data")
public record PersonalDataRetention(@DefaultValue("P10Y") Period retention) {
}
