package cn.gongkai.ledger.access.agencies;

import cn.gongkai.ledger.access.GivesReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command of the platform administrator about one agency; each needs a reason. */
sealed interface AgencyCommand extends GivesReason
        permits CreateAgency, RenameAgency, SetAgencyParent, CreateAgencyAdministrator {

    String agencyId();

    /** The agency's event stream; prefixed, so that it can never be an application's or a dispute's id. */
    @TargetAggregateIdentifier
    default String streamId() {
        return AgencyNode.streamOf(agencyId());
    }
}
