package cn.gongkai.ledger.processing.internal;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.processing.ParkedLetters;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agency's administrator sees the events of the agency that a processing group could not
 * handle, and retries them after the fix. Another agency's letters are not listed and not found
 * (404), nor is a group without a queue. A letter shows ids, type, times and the cause; never the
 * event's content. The Kafka publisher's letters are here too (group {@code kafka-publisher}), and
 * still under {@code /api/admin/publishing/dead-letters}.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
class ParkedLetterEndpoint {

    private final ParkedLetters letters;
    private final CurrentActor currentActor;

    ParkedLetterEndpoint(ParkedLetters letters, CurrentActor currentActor) {
        this.letters = letters;
        this.currentActor = currentActor;
    }

    /** What a retry did: sequences retried, those handled completely, and what is still parked. */
    record RetryOutcome(int retried, int handled, List<ParkedLetters.Sequence> remaining) {
    }

    /** Every group's sequences of the agency, group by group. */
    @Operation(summary = "投影死信 / Events parked by the projections",
            description = "各投影无法处理而暂存的事件，按申请（或案件）分组。 / Per application (or case).")
    @GetMapping
    List<ParkedLetters.Sequence> list() {
        String agency = currentActor.current().agencyId();
        List<ParkedLetters.Sequence> all = new ArrayList<>();
        for (String group : letters.groups()) {
            all.addAll(letters.ofAgency(group, agency));
        }
        return all;
    }

    @Operation(summary = "某一投影的死信 / One projection's parked events")
    @GetMapping("/{group}")
    List<ParkedLetters.Sequence> list(@PathVariable String group) {
        return letters.ofAgency(known(group), currentActor.current().agencyId());
    }

    @Operation(summary = "重试一件申请的死信 / Retry one application's parked events")
    @PostMapping("/{group}/{sequenceId}/retry")
    RetryOutcome retry(@PathVariable String group, @PathVariable String sequenceId) {
        Actor admin = currentActor.current();
        letters.find(known(group), admin.agencyId(), sequenceId)
                .orElseThrow(() -> new NotFound("no dead letters of " + sequenceId + " in " + group));
        boolean handled = letters.retry(group, sequenceId, admin.username());
        return new RetryOutcome(1, handled ? 1 : 0,
                letters.find(group, admin.agencyId(), sequenceId).stream().toList());
    }

    @Operation(summary = "重试某一投影的全部死信 / Retry a projection's parked events")
    @PostMapping("/{group}/retry")
    RetryOutcome retryAll(@PathVariable String group) {
        Actor admin = currentActor.current();
        List<ParkedLetters.Sequence> sequences = letters.ofAgency(known(group), admin.agencyId());
        int handled = 0;
        for (ParkedLetters.Sequence sequence : sequences) {
            if (letters.retry(group, sequence.sequenceId(), admin.username())) {
                handled++;
            }
        }
        return new RetryOutcome(sequences.size(), handled, letters.ofAgency(group, admin.agencyId()));
    }

    private String known(String group) {
        if (!letters.hasQueue(group)) {
            throw new NotFound("no processing group " + group + " with a dead-letter queue");
        }
        return group;
    }
}
