/**
 * Agencies administered through the API: the platform administrator creates agencies, renames them,
 * places them in the tree behind roll-ups (never in a cycle) and creates each one's first ADMIN. Each
 * change is an event of the agency's own stream ({@link cn.gongkai.ledger.access.agencies.AgencyNode}),
 * written to the agency table in the same transaction (docs/adr/0015).
 */
package cn.gongkai.ledger.access.agencies;
