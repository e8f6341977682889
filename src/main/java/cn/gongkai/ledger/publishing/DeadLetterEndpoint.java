package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.processing.ParkedLetters;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agency's administrator sees the messages of the agency's applications that Kafka would not
 * take, and retries them, e.g. after the broker's limit was raised. Another agency's dead letters
 * are not listed and not found (404). A letter shows ids, types, times and the cause; never the
 * event's content. The same letters, and every other group's, are under
 * {@code /api/admin/dead-letters} (group {@code kafka-publisher}).
 */
@RestController
@RequestMapping("/api/admin/publishing/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
class DeadLetterEndpoint {

    private final DeadLetters deadLetters;
    private final CurrentActor currentActor;

    DeadLetterEndpoint(DeadLetters deadLetters, CurrentActor currentActor) {
        this.deadLetters = deadLetters;
        this.currentActor = currentActor;
    }

    /** What a retry did: sequences (applications) retried, those published completely, and what is still parked. */
    record RetryOutcome(int retried, int published, List<ParkedLetters.Sequence> remaining) {
    }

    @Operation(summary = "Kafka 发布死信 / Messages Kafka would not take")
    @GetMapping
    List<ParkedLetters.Sequence> list() {
        return deadLetters.ofAgency(currentActor.current().agencyId());
    }

    @Operation(summary = "重新发布一件申请的消息 / Retry one application's messages")
    @PostMapping("/{sequenceId}/retry")
    RetryOutcome retry(@PathVariable String sequenceId) {
        Actor admin = currentActor.current();
        deadLetters.find(admin.agencyId(), sequenceId)
                .orElseThrow(() -> new NotFound("no dead letters of application " + sequenceId));
        boolean published = deadLetters.retry(sequenceId, admin.username());
        return new RetryOutcome(1, published ? 1 : 0,
                deadLetters.find(admin.agencyId(), sequenceId).stream().toList());
    }

    @Operation(summary = "重新发布全部死信 / Retry every parked message")
    @PostMapping("/retry")
    RetryOutcome retryAll() {
        Actor admin = currentActor.current();
        List<ParkedLetters.Sequence> sequences = deadLetters.ofAgency(admin.agencyId());
        int published = 0;
        for (ParkedLetters.Sequence sequence : sequences) {
            if (deadLetters.retry(sequence.sequenceId(), admin.username())) {
                published++;
            }
        }
        return new RetryOutcome(sequences.size(), published, deadLetters.ofAgency(admin.agencyId()));
    }
}
