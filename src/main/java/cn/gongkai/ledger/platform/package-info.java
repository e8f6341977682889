/**
 * Shared technical foundation: the Axon event store on PostgreSQL, serialization, the business
 * clock and the HTTP error contract that every module relies on.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.gongkai.ledger.platform;
