package cn.gongkai.ledger.access.agencies;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gongkai.ledger.access.Agency;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.access.events.AgencyAdministratorCreated;
import cn.gongkai.ledger.access.events.AgencyAdopted;
import cn.gongkai.ledger.access.events.AgencyCreated;
import cn.gongkai.ledger.access.events.AgencyEvent;
import cn.gongkai.ledger.access.events.AgencyParentCleared;
import cn.gongkai.ledger.access.events.AgencyParentSet;
import cn.gongkai.ledger.access.events.AgencyRenamed;
import cn.gongkai.ledger.access.internal.StaffUsers;
import cn.gongkai.ledger.platform.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One agency as a node of the tree behind roll-ups: its official name, the agency above it, whether
 * it has been given its first administrator. Its stream is {@code agency:<id>}.
 *
 * <p>Agencies that existed before agencies were events (the bootstrap agency, demo and hand-written
 * rows) have no stream: their first change opens one with {@link AgencyAdopted}, the row as it stood,
 * so that every later change is recorded against what it changed. The tree-wide rules (no cycle, a
 * known parent) read the agency table under a lock ({@link AgencyTree#lock}); the table is written
 * from these events in the same transaction ({@link AgencyTableProjection}).
 */
@Aggregate
public class AgencyNode {

    private static final String STREAM_PREFIX = "agency:";

    @AggregateIdentifier
    private String streamId;
    private String agencyId;
    private String name;
    private String parentId;
    /** How many events the stream holds: the agency's version, as the API shows it in ETag and If-Match. */
    private long version;

    protected AgencyNode() {
        // for Axon: rebuilt from its events
    }

    static String streamOf(String agencyId) {
        return STREAM_PREFIX + agencyId;
    }

    // ---- created (设立) -----------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreateAgency command, AgencyTree tree) {
        tree.lock();
        if (tree.idTaken(command.agencyId())) {
            throw AgencyRules.idTaken(command.agencyId());
        }
        if (command.parentId() != null) {
            if (command.parentId().equals(command.agencyId())) {
                throw AgencyRules.ownParent(command.agencyId());
            }
            tree.find(command.parentId()).orElseThrow(() -> AgencyRules.parentUnknown(command.parentId()));
        }
        apply(new AgencyCreated(command.agencyId(), command.name().strip(), command.parentId(), command.reason()));
    }

    // ---- renamed (更名) ------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RenameAgency command, AgencyTree tree) {
        Agency current = current(command.agencyId(), command.expectedVersion(), tree);
        String newName = command.name().strip();
        if (newName.equals(current.name())) {
            return;
        }
        adoptIfNew(current);
        apply(new AgencyRenamed(agencyId, newName, current.name(), command.reason()));
    }

    // ---- placed in the tree (设置上级机关) ------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetAgencyParent command, AgencyTree tree) {
        tree.lock();
        Agency current = current(command.agencyId(), command.expectedVersion(), tree);
        String newParent = command.parentId();
        if (Objects.equals(newParent, current.parentId())) {
            return;
        }
        if (newParent != null) {
            if (newParent.equals(current.id())) {
                throw AgencyRules.ownParent(current.id());
            }
            tree.find(newParent).orElseThrow(() -> AgencyRules.parentUnknown(newParent));
            List<String> above = tree.ancestorsOf(newParent);
            if (above.contains(current.id())) {
                List<String> chain = new ArrayList<>();
                chain.add(newParent);
                chain.addAll(above.subList(0, above.indexOf(current.id()) + 1));
                throw AgencyRules.cycle(current.id(), newParent, chain);
            }
        }
        adoptIfNew(current);
        apply(newParent == null
                ? new AgencyParentCleared(agencyId, current.parentId(), command.reason())
                : new AgencyParentSet(agencyId, newParent, current.parentId(), command.reason()));
    }

    // ---- first administrator (首个管理员) -------------------------------------------------------------

    /**
     * The account is stored in this command's transaction, so that it exists exactly when its event
     * does. Only while the agency has no enabled ADMIN: after that, its own ADMIN creates users.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateAgencyAdministrator command, AgencyTree tree, StaffUsers users) {
        Agency current = current(command.agencyId(), null, tree);
        if (tree.hasAdministrator(current.id())) {
            throw AgencyRules.hasAdministrator(current.id());
        }
        users.create(command.username(), command.displayName(), current.id(), Set.of(Role.ADMIN), command.password());
        adoptIfNew(current);
        apply(new AgencyAdministratorCreated(agencyId, command.username(), command.reason()));
    }

    // ---- shared ---------------------------------------------------------------------------------------

    /**
     * The agency as it stands: from its events, or for one without a stream yet from the table (an
     * unknown one is not found). A command based on another version than the current one is a conflict.
     */
    private Agency current(String commandAgencyId, Long expectedVersion, AgencyTree tree) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new ConcurrencyException("agency " + commandAgencyId + " is at version " + version
                    + ", the change was based on version " + expectedVersion);
        }
        if (agencyId != null) {
            return new Agency(agencyId, name, parentId);
        }
        return tree.find(commandAgencyId).orElseThrow(() -> new NotFound("agency " + commandAgencyId));
    }

    private void adoptIfNew(Agency current) {
        if (agencyId == null) {
            apply(new AgencyAdopted(current.id(), current.name(), current.parentId()));
        }
    }

    @EventSourcingHandler
    void on(AgencyEvent event) {
        switch (event) {
            case AgencyCreated e -> placed(e.agencyId(), e.name(), e.parentId());
            case AgencyAdopted e -> placed(e.agencyId(), e.name(), e.parentId());
            case AgencyRenamed e -> name = e.name();
            case AgencyParentSet e -> parentId = e.parentId();
            case AgencyParentCleared e -> parentId = null;
            case AgencyAdministratorCreated e -> {
                // the account lives in staff_user; nothing here depends on it
            }
        }
        version++;
    }

    private void placed(String id, String officialName, String parent) {
        streamId = streamOf(id);
        agencyId = id;
        name = officialName;
        parentId = parent;
    }
}
