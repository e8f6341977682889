package cn.gongkai.ledger.access.events;

import org.axonframework.serialization.Revision;

/**
 * The platform administrator created the agency's first ADMIN, {@code username}, who creates the
 * agency's other users. Recorded in the transaction that stores the account (never its password).
 */
@Revision("1")
public record AgencyAdministratorCreated(String agencyId, String username, String reason) implements AgencyEvent {

    @Override
    public String label() {
        return "创建机关管理员：" + username;
    }
}
