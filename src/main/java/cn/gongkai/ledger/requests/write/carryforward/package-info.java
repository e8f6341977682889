/**
 * Carrying an application open at a year's end into the next. Its command is used by the annual
 * tables' year close, hence a named interface of the request register.
 */
@org.springframework.modulith.NamedInterface("carry-forward")
package cn.gongkai.ledger.requests.write.carryforward;
