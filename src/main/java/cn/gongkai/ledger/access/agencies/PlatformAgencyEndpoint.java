package cn.gongkai.ledger.access.agencies;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;

import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.access.Agency;
import cn.gongkai.ledger.access.AgencyDirectory;
import cn.gongkai.ledger.access.events.AgencyEvent;
import cn.gongkai.ledger.access.internal.AccountInput;
import cn.gongkai.ledger.access.StaffUser;
import cn.gongkai.ledger.access.internal.StaffUsers;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform administrator's view of the agencies: the tree behind roll-ups, each agency's
 * recorded changes, and the commands that change them. Nothing here reads an agency's applications;
 * no agency's own users (its ADMIN included) may call it (403). Every change needs a reason and is an
 * event of the agency's stream, with who and why in its metadata and in the audit trail.
 */
@RestController
@RequestMapping("/api/platform/agencies")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
@Tag(name = "机关设置 / Agencies", description = "平台管理员设立机关、设置上级机关与首个管理员 / the platform"
        + " administrator sets up agencies, their parents and first administrators")
class PlatformAgencyEndpoint {

    private final CommandGateway commands;
    private final AgencyTree tree;
    private final AgencyDirectory directory;
    private final StaffUsers users;
    private final EventStore eventStore;

    PlatformAgencyEndpoint(CommandGateway commands, AgencyTree tree, AgencyDirectory directory, StaffUsers users,
                           EventStore eventStore) {
        this.commands = commands;
        this.tree = tree;
        this.directory = directory;
        this.users = users;
        this.eventStore = eventStore;
    }

    @GetMapping
    @Operation(summary = "机关列表（含上下级） / Agencies with their parents and children")
    @ApiResponse(responseCode = "200", description = "每个机关及其上级、下级 / every agency with its parent and children")
    @ApiResponse(responseCode = "401", description = "未登录 / not logged in")
    @ApiResponse(responseCode = "403", description = "不是平台管理员 / not a platform administrator")
    List<AgencyView> list() {
        List<Agency> all = directory.all();
        Map<String, String> names = all.stream().collect(Collectors.toMap(Agency::id, Agency::name));
        Map<String, List<AgencyRef>> children = all.stream()
                .filter(agency -> agency.parentId() != null)
                .collect(Collectors.groupingBy(Agency::parentId,
                        Collectors.mapping(agency -> new AgencyRef(agency.id(), agency.name()), Collectors.toList())));
        return all.stream()
                .map(agency -> new AgencyView(agency.id(), agency.name(), agency.parentId(),
                        agency.parentId() == null ? null : names.get(agency.parentId()),
                        children.getOrDefault(agency.id(), List.of()), version(agency.id())))
                .toList();
    }

    @GetMapping("/{agencyId}")
    @Operation(summary = "一个机关（含上下级、版本号） / One agency with its parent, children and version")
    @ApiResponse(responseCode = "200", description = "机关；ETag 为其版本号 / the agency; its version as ETag")
    @ApiResponse(responseCode = "401", description = "未登录 / not logged in")
    @ApiResponse(responseCode = "403", description = "不是平台管理员 / not a platform administrator")
    @ApiResponse(responseCode = "404", description = "无此机关 / no such agency")
    ResponseEntity<AgencyView> one(@PathVariable String agencyId) {
        AgencyView view = view(agencyId);
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }

    @GetMapping("/{agencyId}/history")
    @Operation(summary = "机关的变更记录：谁、何时、为何 / The agency's recorded changes: who, when, why")
    @ApiResponse(responseCode = "200", description = "按版本排列的变更 / the changes by version")
    @ApiResponse(responseCode = "401", description = "未登录 / not logged in")
    @ApiResponse(responseCode = "403", description = "不是平台管理员 / not a platform administrator")
    @ApiResponse(responseCode = "404", description = "无此机关 / no such agency")
    List<AgencyChange> history(@PathVariable String agencyId) {
        tree.find(agencyId).orElseThrow(() -> new NotFound("agency " + agencyId));
        List<AgencyChange> changes = new ArrayList<>();
        eventStore.readEvents(AgencyNode.streamOf(agencyId)).asStream()
                .forEach(event -> changes.add(change(event)));
        return changes;
    }

    @PostMapping
    @Operation(summary = "设立机关 / Create an agency")
    @ApiResponse(responseCode = "201", description = "已设立 / created")
    @ApiResponse(responseCode = "400", description = "输入有误，指明字段 / bad input, naming the field")
    @ApiResponse(responseCode = "401", description = "未登录 / not logged in")
    @ApiResponse(responseCode = "403", description = "不是平台管理员 / not a platform administrator")
    @ApiResponse(responseCode = "422", description = "AgencyIdTaken, ParentAgencyUnknown, AgencyNotItsOwnParent")
    ResponseEntity<AgencyView> create(@Valid @RequestBody NewAgency body) {
        try {
            commands.sendAndWait(new CreateAgency(body.agencyId(), body.name(), blankToNull(body.parentId()),
                    body.reason()));
        } catch (AggregateStreamCreationException raced) {
            // another request created the same id a moment earlier
            throw AgencyRules.idTaken(body.agencyId());
        }
        AgencyView view = view(body.agencyId());
        return ResponseEntity.created(URI.create("/api/platform/agencies/" + body.agencyId()))
                .eTag(Long.toString(view.version())).body(view);
    }

    @PutMapping("/{agencyId}/name")
    @Operation(summary = "机关更名 / Rename an agency")
    @ApiResponse(responseCode = "200", description = "已更名（名称相同则不变） / renamed (unchanged if the same)")
    @ApiResponse(responseCode = "400", description = "输入有误，指明字段 / bad input, naming the field")
    @ApiResponse(responseCode = "401", description = "未登录 / not logged in")
    @ApiResponse(responseCode = "403", description = "不是平台管理员 / not a platform administrator")
    @ApiResponse(responseCode = "404", description = "无此机关 / no such agency")
    @ApiResponse(responseCode = "409", description = "If-Match 版本已过时或同时修改 / stale If-Match or a concurrent change")
    ResponseEntity<AgencyView> rename(@PathVariable String agencyId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody NewName body) {
        send(new RenameAgency(agencyId, body.name(), expectedVersion(ifMatch), body.reason()));
        return one(agencyId);
    }

    @PutMapping("/{agencyId}/parent")
    @Operation(summary = "设置或取消上级机关（汇总所依据的上下级关系） / Set or clear the agency's parent (the tree"
            + " behind roll-ups)")
    @ApiResponse(responseCode = "200", description = "已设置；parentId 为 null 时取消 / set; cleared when parentId is null")
    @ApiResponse(responseCode = "400", description = "输入有误，指明字段 / bad input, naming the field")
    @ApiResponse(responseCode = "401", description = "未登录 / not logged in")
    @ApiResponse(responseCode = "403", description = "不是平台管理员 / not a platform administrator")
    @ApiResponse(responseCode = "404", description = "无此机关 / no such agency")
    @ApiResponse(responseCode = "409", description = "If-Match 版本已过时或同时修改 / stale If-Match or a concurrent change")
    @ApiResponse(responseCode = "422", description = "NoCycleInAgencyTree, AgencyNotItsOwnParent, ParentAgencyUnknown")
    ResponseEntity<AgencyView> setParent(@PathVariable String agencyId,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         @Valid @RequestBody NewParent body) {
        send(new SetAgencyParent(agencyId, blankToNull(body.parentId()), expectedVersion(ifMatch), body.reason()));
        return one(agencyId);
    }

    @PostMapping("/{agencyId}/administrators")
    @Operation(summary = "创建机关的首个管理员 / Create the agency's first administrator (ADMIN)")
    @ApiResponse(responseCode = "201", description = "已创建，角色为 ADMIN / created with the role ADMIN")
    @ApiResponse(responseCode = "400", description = "输入有误，指明字段 / bad input, naming the field")
    @ApiResponse(responseCode = "401", description = "未登录 / not logged in")
    @ApiResponse(responseCode = "403", description = "不是平台管理员 / not a platform administrator")
    @ApiResponse(responseCode = "404", description = "无此机关 / no such agency")
    @ApiResponse(responseCode = "409", description = "同时修改 / a concurrent change")
    @ApiResponse(responseCode = "422", description = "FirstAdministratorOnlyOnce, UsernameTaken")
    ResponseEntity<StaffUser> createAdministrator(@PathVariable String agencyId,
                                                  @Valid @RequestBody NewAdministrator body) {
        AccountInput.refuseOverlongPassword(body.password());
        send(new CreateAgencyAdministrator(agencyId, body.username(), body.displayName(), body.password(),
                body.reason()));
        return ResponseEntity.status(201).body(users.find(body.username()).orElseThrow());
    }

    /**
     * Sends a change of an existing agency. Two first changes of an agency without a stream both try
     * to open it ({@code AgencyAdopted}); the one that lost is a concurrent change like any other (409).
     */
    private void send(AgencyCommand command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException raced) {
            throw new ConcurrencyException("agency " + command.agencyId() + " was changed concurrently");
        }
    }

    private AgencyView view(String agencyId) {
        Agency agency = tree.find(agencyId).orElseThrow(() -> new NotFound("agency " + agencyId));
        String parentName = agency.parentId() == null ? null
                : directory.find(agency.parentId()).map(Agency::name).orElse(null);
        List<AgencyRef> children = directory.children(agencyId).stream()
                .map(child -> new AgencyRef(child.id(), child.name()))
                .toList();
        return new AgencyView(agency.id(), agency.name(), agency.parentId(), parentName, children, version(agencyId));
    }

    /** The number of events in the agency's stream; 0 for an agency not changed since before agency events. */
    private long version(String agencyId) {
        return eventStore.lastSequenceNumberFor(AgencyNode.streamOf(agencyId)).map(last -> last + 1).orElse(0L);
    }

    private static AgencyChange change(DomainEventMessage<?> event) {
        MetaData metaData = event.getMetaData();
        String label = event.getPayload() instanceof AgencyEvent agencyEvent ? agencyEvent.label()
                : event.getPayloadType().getSimpleName();
        return new AgencyChange(event.getSequenceNumber() + 1, event.getPayloadType().getSimpleName(), label,
                text(metaData, ActorMetaData.USERNAME), text(metaData, ActorMetaData.ROLES),
                text(metaData, ActorMetaData.REASON), text(metaData, ActorMetaData.CORRELATION_ID),
                event.getTimestamp().atZone(BusinessClock.ZONE).toOffsetDateTime());
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    /** The version a client expects, from an {@code If-Match} header such as {@code "3"}; null if absent. */
    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InputRejected(FieldProblem.of("If-Match",
                    "应为机关的版本号，例如 \"3\"", "must be the agency's version, e.g. \"3\""));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** An agency with the agency above it and those directly below; {@code version} as in ETag and If-Match. */
    record AgencyView(String agencyId, String name, String parentId, String parentName, List<AgencyRef> children,
                      long version) {
    }

    record AgencyRef(String agencyId, String name) {
    }

    /** One recorded change of an agency: which, who with which roles, why, in which request, when (Beijing time). */
    record AgencyChange(long version, String eventType, String label, String actor, String roles, String reason,
                        String correlationId, OffsetDateTime recordedAt) {
    }

    private static final String AGENCY_ID = "[a-z][a-z0-9-]{1,39}";
    private static final String AGENCY_ID_MESSAGE =
            "2–40 个小写字母、数字或 -，以字母开头 / 2–40 lowercase letters, digits or -, starting with a letter";

    record NewAgency(
            @NotBlank(message = NOT_BLANK) @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String agencyId,
            @NotBlank(message = NOT_BLANK) @Size(max = 100, message = TOO_LONG) String name,
            @Size(max = 100, message = TOO_LONG) String parentId,
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String reason) {
    }

    record NewName(
            @NotBlank(message = NOT_BLANK) @Size(max = 100, message = TOO_LONG) String name,
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String reason) {
    }

    /** {@code parentId} null (or absent) places the agency at the top. */
    record NewParent(
            @Size(max = 100, message = TOO_LONG) String parentId,
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String reason) {
    }

    record NewAdministrator(
            @NotBlank(message = NOT_BLANK) @Pattern(regexp = AccountInput.USERNAME, message = AccountInput.USERNAME_MESSAGE)
            String username,
            @NotBlank(message = NOT_BLANK) @Size(max = 100, message = TOO_LONG) String displayName,
            @NotNull(message = REQUIRED) @Size(min = 12, max = 72, message = AccountInput.PASSWORD_MESSAGE)
            String password,
            @NotBlank(message = NOT_BLANK) @Size(max = 2000, message = TOO_LONG) String reason) {

        @Override
        public String toString() {
            return "NewAdministrator[" + username + "]";
        }
    }
}
