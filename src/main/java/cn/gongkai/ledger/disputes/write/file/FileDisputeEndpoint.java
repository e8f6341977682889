package cn.gongkai.ledger.disputes.write.file;

import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;

import cn.gongkai.ledger.access.AgencyIds;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.read.DisputeRecords;
import cn.gongkai.ledger.disputes.read.DisputeView;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/disputes}: records a reconsideration or lawsuit about a concluded application
 * (登记行政复议、行政诉讼).
 *
 * <p>A retried POST must not record a second case: the client either supplies the case's id or an
 * {@code Idempotency-Key}, from which the id is derived. A repeat finds the case already recorded
 * and answers 200 with it instead of 201. An id that another agency's case already uses answers
 * exactly as an unused one: the case is stored under this agency's own stream for it
 * ({@link AgencyIds}).
 */
@RestController
@RequestMapping("/api/disputes")
class FileDisputeEndpoint {

    private final CommandGateway commands;
    private final DisputeRecords records;
    private final CurrentActor currentActor;
    private final AgencyIds ids;

    FileDisputeEndpoint(CommandGateway commands, DisputeRecords records, CurrentActor currentActor, AgencyIds ids) {
        this.ids = ids;
        this.commands = commands;
        this.records = records;
        this.currentActor = currentActor;
    }

    @Operation(summary = "登记行政复议或行政诉讼 / File a reconsideration or lawsuit",
            description = "就已办结的申请登记复议或诉讼案件，计入年度报告第四部分；disputeId 或 Idempotency-Key 使重试安全。 / Counted in part 四; a retry with the same disputeId or Idempotency-Key answers 200.")
    @ApiResponse(responseCode = "201", description = "已登记 / filed")
    @ApiResponse(responseCode = "200", description = "重复提交：首次登记的案件 / a retry: the dispute filed before")
    @ApiResponse(responseCode = "404", description = "申请不存在或属于其他机关 / no such application")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: DisputeOnlyAboutAConcludedApplication, NoDateInTheFuture")
    @PostMapping
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD')")
    ResponseEntity<DisputeView> file(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                     @Valid @RequestBody FileBody body) {
        String agencyId = currentActor.current().agencyId();
        UUID clientId = disputeId(agencyId, body.disputeId(), idempotencyKey);
        // the application as this agency knows it; another agency's is not found, as an unused id
        UUID requestId = ids.resolve(agencyId, body.requestId());
        // an id another agency's case uses is, for this agency, a stream of its own (ADR 0005)
        return file(agencyId, clientId, ids.streamForNew(agencyId, clientId), requestId, body);
    }

    private ResponseEntity<DisputeView> file(String agencyId, UUID clientId, UUID disputeId, UUID requestId,
                                             FileBody body) {
        try {
            file(disputeId, requestId, body);
        } catch (AggregateStreamCreationException alreadyRecorded) {
            if (disputeId.equals(clientId) && records.find(disputeId, agencyId).isEmpty()) {
                // another agency recorded the same id in the meantime: as if it had been taken before
                UUID own = ids.streamForNew(agencyId, clientId);
                if (!own.equals(disputeId)) {
                    return file(agencyId, clientId, own, requestId, body);
                }
            }
            return repeated(agencyId, clientId, disputeId);
        }
        return created(agencyId, clientId, disputeId);
    }

    private void file(UUID disputeId, UUID requestId, FileBody body) {
        commands.sendAndWait(new FileDispute(disputeId, requestId, body.kind(), body.filedOn(), body.caseNumber(),
                body.authority()));
    }

    /** The new case; its ids in the body are shown as the agency knows them (by the edge, AgencyIds). */
    private ResponseEntity<DisputeView> created(String agencyId, UUID clientId, UUID disputeId) {
        ids.remember(agencyId, clientId, disputeId);
        return ResponseEntity.created(URI.create("/api/disputes/" + clientId))
                .body(records.find(disputeId, agencyId).orElseThrow());
    }

    /** A retried filing: 200 with the case recorded the first time. */
    private ResponseEntity<DisputeView> repeated(String agencyId, UUID clientId, UUID disputeId) {
        DisputeView existing = records.find(disputeId, agencyId)
                .orElseThrow(() -> new InputRejected(FieldProblem.of("disputeId",
                        "该编号已被占用", "this id is already in use")));
        ids.remember(agencyId, clientId, disputeId);
        return ResponseEntity.ok(existing);
    }

    private static UUID disputeId(String agencyId, UUID given, String idempotencyKey) {
        if (given != null) {
            return given;
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            if (idempotencyKey.length() > 200) {
                throw new InputRejected(FieldProblem.of("Idempotency-Key", "不能超过200个字符", "at most 200 characters"));
            }
            // scoped to the agency and to disputes, so that it never collides with another agency's
            // key or with the id an application's registration derived from the same key
            return UUID.nameUUIDFromBytes(("dispute\n" + agencyId + "\n" + idempotencyKey)
                    .getBytes(StandardCharsets.UTF_8));
        }
        return UUID.randomUUID();
    }

    /**
     * @param authority 复议机关或法院: the reconsideration body or court, optional
     * @param caseNumber 案号, optional
     */
    record FileBody(
            UUID disputeId,
            @NotNull(message = REQUIRED) UUID requestId,
            @NotNull(message = REQUIRED) DisputeKind kind,
            @NotNull(message = REQUIRED) LocalDate filedOn,
            @Size(max = 100, message = TOO_LONG) String caseNumber,
            @Size(max = 200, message = TOO_LONG) String authority) {
    }
}
