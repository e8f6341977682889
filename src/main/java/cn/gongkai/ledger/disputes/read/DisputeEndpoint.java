package cn.gongkai.ledger.disputes.read;

import cn.gongkai.ledger.processing.ReadsProjection;
import cn.gongkai.ledger.access.AgencyIds;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import cn.gongkai.ledger.disputes.DisputeCase;
import cn.gongkai.ledger.disputes.DisputeTables;
import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/disputes}: the acting user's agency's cases, optionally those that count in one
 * year's part 四 (decided in the year, or filed and undecided at its end) or those about one
 * application; read from the case table, which trails the event store by the time its processor
 * takes. {@code GET /api/disputes/{id}}: one case, current, from the event store.
 */
@RestController
@RequestMapping("/api/disputes")
class DisputeEndpoint {

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final AgencyIds ids;
    private final DisputeRecords records;
    private final DisputeTables tables;

    DisputeEndpoint(JdbcClient jdbc, CurrentActor currentActor, DisputeRecords records, DisputeTables tables,
                    AgencyIds ids) {
        this.ids = ids;
        this.tables = tables;
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.records = records;
    }

    @Operation(summary = "行政复议和行政诉讼案件 / List the disputes",
            description = "本机关的复议诉讼案件，可按年度或申请筛选。 / Filtered by year or application.")
    @GetMapping
    @ReadsProjection(DisputeCaseProjection.PROCESSING_GROUP)
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    List<DisputeSummary> list(@RequestParam(required = false) Integer year,
                              @RequestParam(required = false) UUID requestId) {
        StringBuilder where = new StringBuilder("agency_id = :agency");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("agency", currentActor.current().agencyId());
        if (year != null) {
            if (year < 2000 || year > 9999) {
                throw new InputRejected(FieldProblem.of("year", "年度应为2000至9999之间的年份",
                        "year must be between 2000 and 9999"));
            }
            // the same cases as DisputeTables counts for the year
            where.append(" and filed_on <= :end and (decided_on is null or decided_on >= :start)");
            params.put("start", LocalDate.of(year, 1, 1));
            params.put("end", LocalDate.of(year, 12, 31));
        }
        if (requestId != null) {
            where.append(" and request_id = :request");
            // the application as this agency knows it (ADR 0005: its own id space)
            params.put("request", ids.resolve(currentActor.current().agencyId(), requestId));
        }
        return jdbc.sql("select dispute_id, request_id, registration_number, kind, filed_on, case_number, authority,"
                        + " result, decided_on from dispute_case where " + where
                        + " order by filed_on desc, registration_number desc, dispute_id")
                .params(params)
                .query((rs, row) -> {
                    DisputeKind kind = DisputeKind.valueOf(rs.getString("kind"));
                    String result = rs.getString("result");
                    DisputeResult decided = result == null ? null : DisputeResult.valueOf(result);
                    return new DisputeSummary(
                            rs.getObject("dispute_id", UUID.class),
                            rs.getObject("request_id", UUID.class),
                            rs.getString("registration_number"),
                            kind,
                            kind.label(),
                            rs.getObject("filed_on", LocalDate.class),
                            rs.getString("case_number"),
                            rs.getString("authority"),
                            decided,
                            decided == null ? null : decided.label(),
                            rs.getObject("decided_on", LocalDate.class));
                })
                .list();
    }

    /** The cases counted in one cell of part 四 of the year: its provenance. */
    @Operation(summary = "第四部分单元格所计的案件 / The cases a part 四 cell counts")
    @ApiResponse(responseCode = "200", description = "所计的案件 / the cases counted")
    @ApiResponse(responseCode = "404", description = "组或列代码不存在 / no such group or column")
    @GetMapping("/cells/{group}/{column}")
    @ReadsProjection(DisputeCaseProjection.PROCESSING_GROUP)
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    List<DisputeCase> cell(@PathVariable DisputeGroup group, @PathVariable DisputeColumn column,
                           @RequestParam int year) {
        return tables.cases(currentActor.current().agencyId(), year, group, column);
    }

    @Operation(summary = "查看复议诉讼案件 / A dispute")
    @ApiResponse(responseCode = "200", description = "案件 / the dispute")
    @ApiResponse(responseCode = "404", description = "案件不存在或属于其他机关 / no such dispute")
    @GetMapping("/{disputeId}")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    DisputeView view(@PathVariable UUID disputeId) {
        return records.find(disputeId, currentActor.current().agencyId())
                .orElseThrow(() -> new NotFound("dispute " + disputeId));
    }

    /** One case in the list; {@code result} and {@code decidedOn} are null while undecided. */
    record DisputeSummary(UUID disputeId, UUID requestId, String registrationNumber, DisputeKind kind,
                          String kindLabel, LocalDate filedOn, String caseNumber, String authority,
                          DisputeResult result, String resultLabel, LocalDate decidedOn) {
    }
}
