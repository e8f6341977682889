package cn.gongkai.ledger.web.internal;

import cn.gongkai.ledger.access.Agency;
import cn.gongkai.ledger.access.AgencyDirectory;
import cn.gongkai.ledger.access.StaffPrincipal;
import cn.gongkai.ledger.web.PageController;
import cn.gongkai.ledger.web.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the frame of every page needs: who is signed in, for which agency. Only for page controllers. */
@ControllerAdvice(annotations = PageController.class)
class PageModel {

    private final AgencyDirectory agencies;

    PageModel(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    @ModelAttribute("me")
    SignedIn me() {
        return signedIn(agencies);
    }

    /** The signed-in staff user, or null on the sign-in page. */
    static SignedIn signedIn(AgencyDirectory agencies) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffPrincipal staff)) {
            return null;
        }
        String agencyName = agencies.find(staff.agencyId()).map(Agency::name).orElse(staff.agencyId());
        return new SignedIn(staff.getUsername(), staff.displayName(), agencyName, staff.roles());
    }
}
