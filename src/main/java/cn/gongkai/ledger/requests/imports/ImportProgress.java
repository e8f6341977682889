package cn.gongkai.ledger.requests.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * An import as it stands: its status ({@code CHECKED} for a dry run, {@code RUNNING}, {@code DONE},
 * {@code FAILED}, {@code ROLLED_BACK} after a crash), how many rows are done and how many refused.
 * While it runs, {@code rowsDone} counts rows written inside its still uncommitted transaction: none of
 * them is visible to anyone until the whole file is.
 */
public record ImportProgress(UUID importId, String kind, String status, String fileSha256, int rowsTotal,
                             int rowsDone, int rowsRefused, int rowsUnchanged, int rowsDiffering, int rowsImported,
                             String requestedBy, Instant startedAt, Instant finishedAt, String failure) {
}
