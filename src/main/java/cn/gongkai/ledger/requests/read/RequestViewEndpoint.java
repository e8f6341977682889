package cn.gongkai.ledger.requests.read;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/requests/{id}}: one application as it stands, with its due date and its full
 * history ({@link RequestViews}), so that it is current the moment a command returns.
 */
@RestController
@RequestMapping("/api/requests")
class RequestViewEndpoint {

    private final RequestViews views;

    RequestViewEndpoint(RequestViews views) {
        this.views = views;
    }

    @Operation(summary = "查看申请及办理过程 / An application with its steps",
            description = "申请的登记信息、状态、答复期限和每一步办理记录；ETag 为版本，可作 If-Match 发回。 / The application, its status, deadline and every step; the ETag is its version, to send back as If-Match.")
    @GetMapping("/{requestId}")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    ResponseEntity<RequestViews.RequestView> view(@PathVariable UUID requestId) {
        RequestViews.RequestView view = views.view(requestId);
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }
}
