package cn.gongkai.ledger.disputes.write;

import cn.gongkai.ledger.requests.Applications;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Asks the request register's published lookup ({@link Applications}), so that a case is checked
 * against the application as it stands when the command runs, not against a read model that may
 * trail it. The disputes module never reads the request event stream itself.
 */
@Component
class RegisterApplicationLookup implements ApplicationLookup {

    private final Applications applications;

    RegisterApplicationLookup(Applications applications) {
        this.applications = applications;
    }

    @Override
    public Optional<ApplicationOnFile> find(UUID requestId) {
        return applications.facts(requestId).map(facts -> new ApplicationOnFile(requestId, facts.agencyId(),
                facts.registrationNumber(), facts.receivedOn(), facts.concludedOn()));
    }
}
