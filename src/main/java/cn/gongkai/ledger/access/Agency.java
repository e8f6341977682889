package cn.gongkai.ledger.access;

/**
 * A government agency that keeps its own register. Agencies form a tree for roll-ups.
 *
 * @param id       short stable id, e.g. {@code kaifaqu}
 * @param name     the agency's official name, e.g. 驻马店经济开发区管委会
 * @param parentId the agency above it, or null for a root
 */
public record Agency(String id, String name, String parentId) {
}
