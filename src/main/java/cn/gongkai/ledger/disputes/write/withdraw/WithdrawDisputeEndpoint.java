package cn.gongkai.ledger.disputes.write.withdraw;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;

import cn.gongkai.ledger.disputes.read.DisputeView;
import cn.gongkai.ledger.disputes.write.DisputeChanges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/disputes/{id}/withdrawal}: withdraws a case recorded in error (撤销登记), with a
 * reason; from then on it counts in no cell of part 四, while its events stay in the store.
 */
@RestController
@RequestMapping("/api/disputes/{disputeId}")
class WithdrawDisputeEndpoint {

    private final DisputeChanges changes;

    WithdrawDisputeEndpoint(DisputeChanges changes) {
        this.changes = changes;
    }

    @PostMapping("/withdrawal")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    @Operation(summary = "撤销登记复议诉讼案件 / Withdraw a case recorded in error")
    @ApiResponse(responseCode = "200", description = "已撤销 / withdrawn; ETag is the case's new version")
    @ApiResponse(responseCode = "400", description = "输入有误 / invalid input, each field named")
    @ApiResponse(responseCode = "403", description = "无权执行此操作 / not a reviewer or the office head")
    @ApiResponse(responseCode = "404", description = "未找到案件 / no such case of this agency")
    @ApiResponse(responseCode = "409", description = "案件已被他人同时修改 / the case changed since the If-Match version")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a business rule refused it")
    ResponseEntity<DisputeView> withdraw(@PathVariable UUID disputeId,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         @Valid @RequestBody WithdrawalBody body) {
        return changes.send(disputeId, ifMatch,
                expected -> new WithdrawDispute(disputeId, expected, body.reason(), body.withdrawnOn()));
    }

    record WithdrawalBody(
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String reason,
            @NotNull(message = REQUIRED) LocalDate withdrawnOn) {
    }
}
