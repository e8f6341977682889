package cn.gongkai.ledger.access.events;

import org.axonframework.serialization.Revision;

/** The platform administrator set up a new agency, below {@code parentId} (null: at the top). */
@Revision("1")
public record AgencyCreated(String agencyId, String name, String parentId, String reason) implements AgencyEvent {

    @Override
    public String label() {
        return "设立机关：" + name + (parentId == null ? "" : "（上级机关 " + parentId + "）");
    }
}
