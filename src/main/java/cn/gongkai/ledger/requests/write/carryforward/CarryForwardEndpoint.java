package cn.gongkai.ledger.requests.write.carryforward;

import static cn.gongkai.ledger.platform.Messages.REQUIRED;

import cn.gongkai.ledger.requests.write.CommandSender;
import cn.gongkai.ledger.requests.write.CommandSender.Accepted;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 结转: carry one application still open at the end of a year into the next. The year close that
 * carries every open application at once arrives with the annual tables; this is its building block.
 */
@RestController
@RequestMapping("/api/requests/{requestId}")
class CarryForwardEndpoint {

    private final CommandSender sender;

    CarryForwardEndpoint(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "结转至下年度继续办理 / Carry forward to the next year",
            description = "年末未办结的申请计入下年度“上年结转”；通常由年度结转自动完成。 / Usually done by the year close.")
    @ApiResponse(responseCode = "200", description = "已结转 / carried forward")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: CarryForwardAfterYearEnd, ActionNotAllowedInStatus")
    @PostMapping("/carry-forward")
    @PreAuthorize("hasRole('HEAD')")
    ResponseEntity<Accepted> carryForward(@PathVariable UUID requestId, @Valid @RequestBody CarryForwardBody body) {
        return sender.send(requestId, new CarryForward(requestId, body.fromYear()));
    }

    record CarryForwardBody(@NotNull(message = REQUIRED) Integer fromYear) {
    }
}
