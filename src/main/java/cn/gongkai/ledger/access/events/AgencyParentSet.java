package cn.gongkai.ledger.access.events;

import org.axonframework.serialization.Revision;

/**
 * The agency was placed below {@code parentId} (it was below {@code previousParentId}, or at the top
 * when that is null): from now on the parent's roll-up includes it and everything below it.
 */
@Revision("1")
public record AgencyParentSet(String agencyId, String parentId, String previousParentId, String reason)
        implements AgencyEvent {

    @Override
    public String label() {
        return "设置上级机关：" + parentId;
    }
}
