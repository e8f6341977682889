package cn.gongkai.ledger.integrity.internal;

import cn.gongkai.ledger.web.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 防篡改链 ({@code GET /audit/chain}): the hash chain verified now, as {@code GET /api/integrity/chain} answers
 * it ({@link ChainEndpoint}), for auditors and administrators.
 */
@PageController
class ChainPage {

    private final ChainEndpoint endpoint;

    ChainPage(ChainEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @GetMapping("/audit/chain")
    @PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
    String chain(Model model) {
        model.addAttribute("report", endpoint.verify());
        return "audit/chain";
    }
}
