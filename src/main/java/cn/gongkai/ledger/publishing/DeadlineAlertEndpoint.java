package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.access.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/deadline-alerts/run}: the daily deadline-alert job, now, for the
 * administrator's agency. Alerts already sent are not sent again.
 */
@RestController
@RequestMapping("/api/admin/deadline-alerts")
class DeadlineAlertEndpoint {

    private final DeadlineAlerts alerts;
    private final CurrentActor currentActor;

    DeadlineAlertEndpoint(DeadlineAlerts alerts, CurrentActor currentActor) {
        this.alerts = alerts;
        this.currentActor = currentActor;
    }

    @PostMapping("/run")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "立即发送期限提醒 / Send the agency's deadline alerts now")
    @ApiResponse(responseCode = "200", description = "已发送与此前已发送的条数 / alerts sent now and sent before")
    @ApiResponse(responseCode = "401", description = "未登录 / not signed in")
    @ApiResponse(responseCode = "403", description = "仅限管理员 / administrators only")
    @ApiResponse(responseCode = "500", description = "Kafka 未接收提醒，稍后重试 / Kafka did not take an alert; run again later")
    DeadlineAlerts.Run run() {
        return alerts.run(Optional.of(currentActor.current().agencyId()));
    }
}
