package cn.gongkai.ledger.integrity.internal;

import cn.gongkai.ledger.integrity.ChainReport;
import cn.gongkai.ledger.integrity.ChainVerification;
import cn.gongkai.ledger.platform.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain for auditors and administrators. The chain is global, one over every agency's events,
 * so an AUDITOR or ADMIN of any agency may verify it; the answer holds positions, ids, hashes and
 * the first break, never an event's content. Publishing a checkpoint on demand is for ADMIN only,
 * as auditors change nothing.
 */
@RestController
@RequestMapping("/api/integrity/chain")
class ChainEndpoint {

    private final ChainVerification verification;
    private final ChainCheckpoints checkpoints;

    ChainEndpoint(ChainVerification verification, ChainCheckpoints checkpoints) {
        this.verification = verification;
        this.checkpoints = checkpoints;
    }

    @Operation(summary = "防篡改链校验 / Verify the tamper-evidence chain")
    @GetMapping
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    ChainReport verify() {
        return verification.verify();
    }

    @Operation(summary = "立即发布链头检查点 / Publish the chain's head now")
    @ApiResponse(responseCode = "200", description = "已发布到 Kafka / published to Kafka")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: ChainIsEmpty")
    @PostMapping("/checkpoint")
    @PreAuthorize("hasRole('ADMIN')")
    ChainCheckpoints.Published checkpoint() {
        return checkpoints.publishNow().orElseThrow(() -> new RuleViolation("ChainIsEmpty",
                "防篡改链尚无链节，没有可发布的检查点", "the chain has no link yet: there is no checkpoint to publish"));
    }
}
