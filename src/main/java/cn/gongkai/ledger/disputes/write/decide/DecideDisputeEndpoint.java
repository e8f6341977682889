package cn.gongkai.ledger.disputes.write.decide;

import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;

import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.disputes.read.DisputeRecords;
import cn.gongkai.ledger.disputes.read.DisputeView;
import cn.gongkai.ledger.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/disputes/{id}/decision}: records how the reconsideration body or court decided (审结), once. */
@RestController
@RequestMapping("/api/disputes/{disputeId}")
class DecideDisputeEndpoint {

    private final CommandGateway commands;
    private final DisputeRecords records;
    private final CurrentActor currentActor;

    DecideDisputeEndpoint(CommandGateway commands, DisputeRecords records, CurrentActor currentActor) {
        this.commands = commands;
        this.records = records;
        this.currentActor = currentActor;
    }

    @Operation(summary = "记录复议决定或判决结果 / Record the decision")
    @ApiResponse(responseCode = "200", description = "已记录 / recorded")
    @ApiResponse(responseCode = "404", description = "案件不存在或属于其他机关 / no such dispute")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: DecidedOnlyOnce, DatesInOrder, NoDateInTheFuture")
    @PostMapping("/decision")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD')")
    DisputeView decide(@PathVariable UUID disputeId, @Valid @RequestBody DecisionBody body) {
        String agencyId = currentActor.current().agencyId();
        // an id that names no case of ours, or another kind of stream (an application), is not
        // found here: Axon cannot even rebuild a Dispute from an application's events
        records.find(disputeId, agencyId).orElseThrow(() -> new NotFound("dispute " + disputeId));
        commands.sendAndWait(new DecideDispute(disputeId, body.result(), body.decidedOn(), body.summary()));
        return records.find(disputeId, agencyId).orElseThrow();
    }

    record DecisionBody(
            @NotNull(message = REQUIRED) DisputeResult result,
            @NotNull(message = REQUIRED) LocalDate decidedOn,
            @Size(max = 2000, message = TOO_LONG) String summary) {
    }
}
