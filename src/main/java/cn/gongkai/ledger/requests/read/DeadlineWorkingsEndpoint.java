package cn.gongkai.ledger.requests.read;

import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.requests.DeadlineWorkings;
import cn.gongkai.ledger.requests.RequestDeadlineWorkings;
import cn.gongkai.ledger.requests.events.RequestEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/requests/{id}/deadline}: how the application's due date was counted, day by day,
 * for any staff member of its agency; 404 for every other agency.
 */
@RestController
@RequestMapping("/api/requests")
class DeadlineWorkingsEndpoint {

    private final RequestDeadlineWorkings workings;
    private final CurrentActor currentActor;

    DeadlineWorkingsEndpoint(RequestDeadlineWorkings workings, CurrentActor currentActor) {
        this.workings = workings;
        this.currentActor = currentActor;
    }

    @GetMapping("/{requestId}/deadline")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    @Operation(summary = "答复期限的计算过程 / How the answer deadline was counted, day by day")
    @ApiResponse(responseCode = "200", description = "计算过程 / the workings")
    @ApiResponse(responseCode = "401", description = "未登录 / not signed in")
    @ApiResponse(responseCode = "403", description = "无权查看 / the role may not read applications")
    @ApiResponse(responseCode = "404", description = "本机关无此申请 / no such application in the user's agency")
    DeadlineWorkings deadline(@PathVariable UUID requestId) {
        return workings.of(requestId, currentActor.current().agencyId())
                .orElseThrow(() -> new NotFound("application " + requestId));
    }

    /** Folds the application's events and has {@link StatutoryDeadlines} count its period. */
    @Component
    static class FromEventStore implements RequestDeadlineWorkings {

        private final EventStore eventStore;
        private final StatutoryDeadlines deadlines;

        FromEventStore(EventStore eventStore, StatutoryDeadlines deadlines) {
            this.eventStore = eventStore;
            this.deadlines = deadlines;
        }

        @Override
        public Optional<DeadlineWorkings> of(UUID requestId, String agencyId) {
            DomainEventStream stream = eventStore.readEvents(requestId.toString());
            RequestFile file = new RequestFile();
            boolean received = false;
            while (stream.hasNext()) {
                DomainEventMessage<?> message = stream.next();
                if (message.getPayload() instanceof RequestEvent event) {
                    file.apply(event, message.getSequenceNumber());
                    received = true;
                }
            }
            if (!received || !agencyId.equals(file.agencyId())) {
                return Optional.empty();
            }
            return Optional.of(deadlines.workings(file));
        }
    }
}
