package cn.gongkai.ledger.access.internal;

import cn.gongkai.ledger.access.Agency;
import cn.gongkai.ledger.access.AgencyDirectory;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.access.StaffPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in: lets a client check credentials and show the user's name, agency and roles. */
@RestController
class MeEndpoint {

    private final AgencyDirectory agencies;

    MeEndpoint(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    @Operation(summary = "当前用户 / Who is logged in")
    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal StaffPrincipal staff) {
        String agencyName = agencies.find(staff.agencyId()).map(Agency::name).orElse(staff.agencyId());
        List<RoleView> roles = staff.roles().stream().map(role -> new RoleView(role, role.label())).toList();
        return new Me(staff.getUsername(), staff.displayName(), staff.agencyId(), agencyName, roles);
    }

    record Me(String username, String displayName, String agencyId, String agencyName, List<RoleView> roles) {
    }

    record RoleView(Role role, String label) {
    }
}
