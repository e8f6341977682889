package cn.gongkai.ledger.access.events;

import org.axonframework.serialization.Revision;

/** The agency no longer stands below {@code previousParentId}: it is at the top of a tree of its own. */
@Revision("1")
public record AgencyParentCleared(String agencyId, String previousParentId, String reason) implements AgencyEvent {

    @Override
    public String label() {
        return "取消上级机关：" + previousParentId;
    }
}
