package cn.gongkai.ledger.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One step of the trail as an auditor reads it (每一步): what ({@code label}, in plain words), on
 * which business date, recorded when (Beijing time), who (user and roles, the roles also in
 * Chinese), why ({@code reason}, only for actions that take one), from which client address, and
 * the correlation and causation ids that tie it to the rest of its request or job.
 */
record AuditStep(long position, String eventId, String eventType, String label, LocalDate businessDate,
                 OffsetDateTime recordedAt, String actor, String roles, String rolesLabel, String reason,
                 String clientAddress, String correlationId, String causationId, UUID requestId,
                 String registrationNumber) {
}
