package cn.gongkai.ledger.access.events;

import org.axonframework.serialization.Revision;

/** The agency's official name changed, e.g. after a reorganisation (机构改革). */
@Revision("1")
public record AgencyRenamed(String agencyId, String name, String previousName, String reason) implements AgencyEvent {

    @Override
    public String label() {
        return "机关更名：" + previousName + " → " + name;
    }
}
