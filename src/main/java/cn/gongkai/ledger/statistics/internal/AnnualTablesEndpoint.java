package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.access.AgencyDirectory;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.statistics.AnnualTables;
import cn.gongkai.ledger.statistics.CountedApplication;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.ReconciliationFailure;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/statistics/{year}}: part 三 of the acting user's agency, or of an agency below it,
 * alone or rolled up with everything below; the applications behind any cell; the year close.
 */
@RestController
@RequestMapping("/api/statistics/{year}")
class AnnualTablesEndpoint {

    private final AnnualTables tables;
    private final AgencyDirectory agencies;
    private final CurrentActor currentActor;
    private final YearClose yearClose;

    AnnualTablesEndpoint(AnnualTables tables, AgencyDirectory agencies, CurrentActor currentActor,
                         YearClose yearClose) {
        this.tables = tables;
        this.agencies = agencies;
        this.currentActor = currentActor;
        this.yearClose = yearClose;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    TablesView tables(@PathVariable int year, @RequestParam(required = false) String agency,
                      @RequestParam(defaultValue = "false") boolean rollup) {
        Scope scope = scope(agency, rollup);
        Part3Table part3 = tables.part3(scope.agencyId(), scope.agencyIds(), year);
        Part3Table previous = tables.part3(scope.agencyId(), scope.agencyIds(), year - 1);
        List<ReconciliationFailure> failures = tables.reconcile(scope.agencyIds(), part3, previous);
        return new TablesView(scope.agencyId(), scope.agencyName(), year, part3.closed(), rollup, scope.agencyIds(),
                part3, failures.isEmpty(), failures);
    }

    @GetMapping("/cells/{row}/{column}")
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    List<CountedApplication> cell(@PathVariable int year, @PathVariable TableRow row, @PathVariable TableColumn column,
                                  @RequestParam(required = false) String agency,
                                  @RequestParam(defaultValue = "false") boolean rollup) {
        return tables.applicationsIn(scope(agency, rollup).agencyIds(), year, row, column);
    }

    @PostMapping("/close")
    @PreAuthorize("hasRole('HEAD')")
    ResponseEntity<CloseAccepted> close(@PathVariable int year) {
        String agencyId = currentActor.current().agencyId();
        yearClose.close(agencyId, year);
        return ResponseEntity.accepted().body(new CloseAccepted(agencyId, year,
                "年度已结转，在办申请正在结转至下年度", "year closed; open applications are being carried forward"));
    }

    /** Own agency or one below it; anything else does not exist for this user. */
    private Scope scope(String agency, boolean rollup) {
        String own = currentActor.current().agencyId();
        String agencyId = agency == null || agency.isBlank() ? own : agency;
        List<String> visible = agencies.subtree(own);
        if (!visible.contains(agencyId)) {
            throw new NotFound("agency " + agencyId);
        }
        String name = agencies.find(agencyId).map(a -> a.name()).orElse(agencyId);
        return new Scope(agencyId, name, rollup ? agencies.subtree(agencyId) : List.of(agencyId));
    }

    private record Scope(String agencyId, String agencyName, List<String> agencyIds) {
    }

    record TablesView(String agencyId, String agencyName, int year, boolean closed, boolean rollup,
                      List<String> agencies, Part3Table part3, boolean reconciled,
                      List<ReconciliationFailure> reconciliationFailures) {
    }

    record CloseAccepted(String agencyId, int year, String message, String messageEn) {
    }
}
