package cn.gongkai.ledger.access.events;

import org.axonframework.serialization.Revision;

/**
 * An agency set up before agencies were recorded as events (the bootstrap agency, rows written by a
 * migration or by hand) enters the history as it stood in the agency table, right before its first
 * recorded change. It changes nothing.
 */
@Revision("1")
public record AgencyAdopted(String agencyId, String name, String parentId) implements AgencyEvent {

    @Override
    public String label() {
        return "记录已有机关：" + name + (parentId == null ? "" : "（上级机关 " + parentId + "）");
    }
}
