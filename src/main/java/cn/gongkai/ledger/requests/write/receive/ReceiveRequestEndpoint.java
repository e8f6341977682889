package cn.gongkai.ledger.requests.write.receive;

import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;

import cn.gongkai.ledger.access.AgencyIds;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.Messages;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.events.ApplicantDetails;
import cn.gongkai.ledger.requests.Applications;
import cn.gongkai.ledger.requests.write.CommandSender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
 * {@code POST /api/requests}: registers a received application (接收、登记).
 *
 * <p>A retried POST must not register a second application: the client either supplies the
 * application's id or an {@code Idempotency-Key}, from which the id is derived. A repeat finds
 * the application already registered and answers 200 with it instead of 201.
 *
 * <p>An id that another agency's application already uses answers exactly as an unused one (201):
 * the application is stored under this agency's own stream for that id ({@link AgencyIds}), and the
 * agency goes on using the id it chose everywhere.
 */
@RestController
@RequestMapping("/api/requests")
class ReceiveRequestEndpoint {

    private final CommandGateway commands;
    private final Applications applications;
    private final CommandSender sender;
    private final CurrentActor currentActor;
    private final AgencyIds ids;

    ReceiveRequestEndpoint(CommandGateway commands, Applications applications, CommandSender sender,
                           CurrentActor currentActor, AgencyIds ids) {
        this.ids = ids;
        this.commands = commands;
        this.applications = applications;
        this.sender = sender;
        this.currentActor = currentActor;
    }

    @Operation(summary = "收到申请并登记 / Register an application received",
            description = "登记一件依申请公开的申请，分配登记编号；答复期限自收到申请之日起算（条例第三十三条）。正文的 requestId 或 Idempotency-Key 请求头使重试安全：重试答复 200 和首次登记的申请。 / Registers an application and numbers it; a retry with the same requestId or Idempotency-Key answers 200 with the application registered the first time.")
    @ApiResponse(responseCode = "201", description = "已登记：Location 为申请地址，ETag 为版本 / registered")
    @ApiResponse(responseCode = "200", description = "重复提交：首次登记的申请 / a retry: the application registered before")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: NoDateInTheFuture")
    @PostMapping
    @PreAuthorize("hasRole('HANDLER')")
    ResponseEntity<Registered> receive(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                       @Valid @RequestBody ReceiveBody body) {
        String agencyId = currentActor.current().agencyId();
        UUID clientId = requestId(agencyId, body.requestId(), idempotencyKey);
        // an id another agency's application uses is, for this agency, a stream of its own (ADR 0005)
        return receive(agencyId, clientId, ids.streamForNew(agencyId, clientId), body);
    }

    private ResponseEntity<Registered> receive(String agencyId, UUID clientId, UUID requestId, ReceiveBody body) {
        try {
            commands.sendAndWait(command(requestId, body));
        } catch (AggregateStreamCreationException alreadyRegistered) {
            if (requestId.equals(clientId) && registered(requestId, clientId, agencyId).isEmpty()) {
                // another agency registered the same id in the meantime: as if it had been taken before
                UUID own = ids.streamForNew(agencyId, clientId);
                if (!own.equals(requestId)) {
                    return receive(agencyId, clientId, own, body);
                }
            }
            return repeated(agencyId, clientId, requestId);
        }
        return created(agencyId, clientId, requestId);
    }

    private static ReceiveRequest command(UUID requestId, ReceiveBody body) {
        return new ReceiveRequest(requestId, body.channel(), body.receivedOn(), body.applicantCategory(),
                body.applicant().toDetails(), body.informationRequested(), body.deliveryForm());
    }

    private ResponseEntity<Registered> created(String agencyId, UUID clientId, UUID requestId) {
        ids.remember(agencyId, clientId, requestId);
        Registered registered = registered(requestId, clientId, agencyId).orElseThrow();
        return ResponseEntity.created(URI.create("/api/requests/" + clientId))
                .eTag(Long.toString(sender.version(requestId)))
                .body(registered);
    }

    /** A retried registration: 200 with the application registered the first time. */
    private ResponseEntity<Registered> repeated(String agencyId, UUID clientId, UUID requestId) {
        Registered existing = registered(requestId, clientId, agencyId)
                .orElseThrow(() -> new InputRejected(FieldProblem.of("requestId",
                        "该编号已被占用", "this id is already in use")));
        // remembered again: the first attempt may have stopped between registering and remembering
        ids.remember(agencyId, clientId, requestId);
        return ResponseEntity.ok().eTag(Long.toString(sender.version(requestId))).body(existing);
    }

    private static UUID requestId(String agencyId, UUID given, String idempotencyKey) {
        if (given != null) {
            return given;
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            if (idempotencyKey.length() > 200) {
                throw new InputRejected(FieldProblem.of("Idempotency-Key", "不能超过200个字符", "at most 200 characters"));
            }
            // the key is scoped to the agency, so that two agencies' keys never collide
            return UUID.nameUUIDFromBytes((agencyId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        }
        return UUID.randomUUID();
    }

    /** The agency's application in stream {@code requestId}, shown under the id the agency knows it by. */
    private java.util.Optional<Registered> registered(UUID requestId, UUID clientId, String agencyId) {
        return applications.facts(requestId)
                .filter(facts -> facts.agencyId().equals(agencyId))
                .map(facts -> new Registered(clientId, facts.registrationNumber(), facts.receivedOn(),
                        facts.registeredOn()));
    }

    /** The registered application: its id and the registration number the service assigned. */
    record Registered(UUID requestId, String registrationNumber, LocalDate receivedOn, LocalDate registeredOn) {
    }

    record ReceiveBody(
            UUID requestId,
            @NotNull(message = REQUIRED) Channel channel,
            @NotNull(message = REQUIRED) LocalDate receivedOn,
            @NotNull(message = REQUIRED) ApplicantCategory applicantCategory,
            @NotNull(message = REQUIRED) @Valid Applicant applicant,
            @NotBlank(message = Messages.NOT_BLANK) @Size(max = 4000, message = TOO_LONG) String informationRequested,
            @NotNull(message = REQUIRED) DeliveryForm deliveryForm) {
    }

    record Applicant(
            @NotBlank(message = Messages.NOT_BLANK) @Size(max = 200, message = TOO_LONG) String name,
            @Size(max = 50, message = TOO_LONG) String idDocumentType,
            @Size(max = 50, message = TOO_LONG) String idNumber,
            @Size(max = 50, message = TOO_LONG) String phone,
            @Size(max = 500, message = TOO_LONG) String address) {

        ApplicantDetails toDetails() {
            return new ApplicantDetails(name, idDocumentType, idNumber, phone, address);
        }

        @Override
        public String toString() {
            return "Applicant[personal data withheld]";
        }
    }
}
