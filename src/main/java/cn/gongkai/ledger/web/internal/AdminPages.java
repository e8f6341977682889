package cn.gongkai.ledger.web.internal;

import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.access.StaffAdministration;
import cn.gongkai.ledger.access.StaffUser;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.web.PageController;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 管理 · 用户与角色 ({@code /admin}): the agency's staff accounts, a new account, a user's roles, disabling.
 * Through {@link StaffAdministration}, the rules of {@code /api/admin/users} themselves (NoSelfGrantedRoles,
 * another agency's user not found). The pages live here rather than in module access because the frame's
 * module (web) already depends on access: a page controller there would make the two depend on each other.
 */
@PageController
@PreAuthorize("hasRole('ADMIN')")
class AdminPages {

    private final StaffAdministration users;

    AdminPages(StaffAdministration users) {
        this.users = users;
    }

    @GetMapping("/admin")
    String users(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Role.values());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
            model.addAttribute("typed", new Typed("", "", Set.of()));
        }
        return "admin/users";
    }

    @PostMapping("/admin/users")
    Object create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(required = false) List<Role> roles, @RequestParam(defaultValue = "") String password,
                  Model model, RedirectAttributes redirect) {
        Set<Role> chosen = roles == null ? Set.of() : EnumSet.copyOf(roles);
        try {
            StaffUser created = users.create(username.strip(), displayName.strip(), chosen, password);
            redirect.addFlashAttribute("done", "已创建用户 " + created.username());
            return "redirect:/admin";
        } catch (InputRejected | RuleViolation refused) {
            model.addAttribute("problems", problems(refused));
            model.addAttribute("typed", new Typed(username, displayName, chosen));
            ModelAndView page = new ModelAndView(users(model), model.asMap());
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
    }

    @GetMapping("/admin/users/{username}")
    String user(@PathVariable String username, Model model) {
        model.addAttribute("user", users.one(username));
        model.addAttribute("roles", Role.values());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
        }
        return "admin/user";
    }

    @PostMapping("/admin/users/{username}/roles")
    Object changeRoles(@PathVariable String username, @RequestParam(required = false) List<Role> roles, Model model,
                       RedirectAttributes redirect) {
        try {
            users.changeRoles(username, roles == null ? Set.of() : EnumSet.copyOf(roles));
            redirect.addFlashAttribute("done", "已保存 " + username + " 的角色");
            return "redirect:/admin/users/" + username;
        } catch (InputRejected | RuleViolation refused) {
            model.addAttribute("problems", problems(refused));
            ModelAndView page = new ModelAndView(user(username, model), model.asMap());
            page.setStatus(refused instanceof RuleViolation ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST);
            return page;
        }
    }

    @PostMapping("/admin/users/{username}/disable")
    Object disable(@PathVariable String username, Model model, RedirectAttributes redirect) {
        try {
            users.disable(username);
            redirect.addFlashAttribute("done", "已停用 " + username);
            return "redirect:/admin/users/" + username;
        } catch (RuleViolation refused) {
            model.addAttribute("problems", problems(refused));
            ModelAndView page = new ModelAndView(user(username, model), model.asMap());
            page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return page;
        }
    }

    /** By field (username, displayName, roles, password), or under "form" for a rule about none. */
    private static Map<String, String> problems(RuntimeException refused) {
        Map<String, String> byField = new LinkedHashMap<>();
        if (refused instanceof InputRejected rejected) {
            for (FieldProblem problem : rejected.problems()) {
                byField.putIfAbsent(problem.field(), problem.messageZh());
            }
        } else if (refused instanceof RuleViolation rule) {
            byField.put(rule.field() == null ? "form" : rule.field(), rule.messageZh());
        }
        return byField;
    }

    /** What was typed into the new-user form, kept when it is refused; never the password. */
    record Typed(String username, String displayName, Set<Role> roles) {
    }
}
