package cn.gongkai.ledger.web.internal;

import cn.gongkai.ledger.web.PageController;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /login}: the sign-in form; Spring Security handles its {@code POST /login}. */
@PageController
class SignInPage {

    @GetMapping("/login")
    String signIn() {
        return "login";
    }
}
