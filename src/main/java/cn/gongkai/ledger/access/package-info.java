/**
 * Who may act: staff users of an agency, their roles, login, and the {@link cn.gongkai.ledger.access.Actor}
 * that every command carries in its metadata; internals live in {@code access.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "用户与权限 / access")
package cn.gongkai.ledger.access;
