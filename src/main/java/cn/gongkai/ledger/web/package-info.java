/**
 * The pages for people: the frame every page shares (templates/layout.html, the signed-in user and their
 * agency), sign-in, and the Chinese error page. Each module's own pages live with the module and carry
 * {@link cn.gongkai.ledger.web.PageController}; they call the module's commands and queries, never a second
 * path to the data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "页面 / pages")
package cn.gongkai.ledger.web;
