package cn.gongkai.ledger.access.agencies;

import cn.gongkai.ledger.platform.RuleViolation;
import java.util.List;

/** The named rules of the agency tree, each with the message a platform administrator reads. */
final class AgencyRules {

    private AgencyRules() {
    }

    static RuleViolation idTaken(String agencyId) {
        return new RuleViolation("AgencyIdTaken", "agencyId",
                "机关代码 " + agencyId + " 已被使用", "the agency id " + agencyId + " is already taken");
    }

    static RuleViolation parentUnknown(String parentId) {
        return new RuleViolation("ParentAgencyUnknown", "parentId",
                "上级机关 " + parentId + " 不存在", "there is no agency " + parentId + " to be the parent");
    }

    static RuleViolation ownParent(String agencyId) {
        return new RuleViolation("AgencyNotItsOwnParent", "parentId",
                "机关 " + agencyId + " 不能作为自己的上级机关", "agency " + agencyId + " cannot be its own parent");
    }

    /** {@code chain}: the new parent and the agencies above it, down from the parent, ending with the agency. */
    static RuleViolation cycle(String agencyId, String parentId, List<String> chain) {
        String path = String.join(" → ", chain);
        return new RuleViolation("NoCycleInAgencyTree", "parentId",
                "不能将机关 " + agencyId + " 设于 " + parentId + " 之下：" + parentId + " 本身在 " + agencyId
                        + " 之下（" + path + "），汇总将形成循环",
                "agency " + agencyId + " cannot be placed below " + parentId + ", which is itself below it ("
                        + path + "): the roll-up would go round in a cycle");
    }

    static RuleViolation hasAdministrator(String agencyId) {
        return new RuleViolation("FirstAdministratorOnlyOnce", "username",
                "机关 " + agencyId + " 已有可用的管理员，其他用户由该管理员创建",
                "agency " + agencyId + " already has an enabled administrator, who creates its other users");
    }
}
