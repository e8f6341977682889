package cn.gongkai.ledger.requests.imports;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.platform.PersonalDataKeys;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.YearEnd;
import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.imports.ImportReport.BalanceDifference;
import cn.gongkai.ledger.requests.imports.ImportReport.Differing;
import cn.gongkai.ledger.requests.imports.RegisterRows.Planned;
import cn.gongkai.ledger.requests.write.receive.ApplicantMatches;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports an office's existing register: a dry run first, that stores nothing but its report and the
 * file's SHA-256; then, confirmed by that SHA-256, the import itself in one transaction, in the
 * background, with its progress readable meanwhile.
 *
 * <p>Each row's events are appended through the event store as any command's are, so that the
 * applicant's personal data is encrypted with the application's own key by the same serializer, and
 * its ID number's keyed hash is recorded for repeat applications as a registration's is. The events
 * carry {@code source=import}, the import's id, the file's SHA-256 and the row number in their metadata,
 * beside the importing user.
 *
 * <p>All or nothing: events, per-row keys, the registration counters and the status DONE commit
 * together; a crash rolls the transaction back and the import is marked ROLLED_BACK at the next start.
 * While it runs, every command of every instance waits ({@link ImportGate}): no other event takes a
 * global index inside the import's range, so no tracking processor sees a gap it could give up on.
 */
@Service
public class RegisterImports {

    static final String SOURCE = "source";
    static final String IMPORT_ID = "importId";
    static final String FILE_SHA256 = "importFileSha256";
    static final String ROW = "importRow";
    private static final String AGGREGATE_TYPE = "InformationRequest";
    private static final int CHUNK = 1000;
    private static final Logger log = LoggerFactory.getLogger(RegisterImports.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final EventStore eventStore;
    private final ApplicantMatches matches;
    private final PersonalDataKeys personalDataKeys;
    private final TransactionTemplate transactions;
    private final ImportGate gate;
    private final Clock clock;
    private final JsonMapper json;
    private final Map<UUID, AtomicInteger> running = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("register-import").daemon().factory());

    RegisterImports(JdbcClient jdbc, JdbcTemplate template, EventStore eventStore, ApplicantMatches matches,
                    PersonalDataKeys personalDataKeys, TransactionTemplate transactions, ImportGate gate, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.eventStore = eventStore;
        this.matches = matches;
        this.personalDataKeys = personalDataKeys;
        this.transactions = transactions;
        this.gate = gate;
        this.clock = clock;
        this.json = json;
    }

    /** Checks a file and stores nothing but the report: what would be refused, differ, and result. */
    public ImportReport dryRun(Actor actor, byte[] content) {
        String sha = RegisterRows.sha256(content);
        Check check = check(actor, content);
        UUID id = UUID.randomUUID();
        ImportReport report = check.report(id, sha, "DRY_RUN", "CHECKED");
        jdbc.sql("""
                        insert into register_import (import_id, agency_id, file_sha256, kind, status, requested_by, rows_total,
                            rows_refused, rows_unchanged, rows_differing, report, finished_at)
                        values (:id, :agency, :sha, 'DRY_RUN', 'CHECKED', :by, :total, :refused, :unchanged, :differing,
                            cast(:report as jsonb), now())""")
                .param("id", id).param("agency", actor.agencyId()).param("sha", sha).param("by", actor.username())
                .param("total", report.rowsTotal()).param("refused", report.refused().size())
                .param("unchanged", report.rowsUnchanged()).param("differing", report.differing().size())
                .param("report", json.writeValueAsString(report))
                .update();
        return report;
    }

    /**
     * Starts the import of a file checked by a dry run of this agency, confirmed by its SHA-256. Refused
     * when no dry run of the same file exists, when the confirmation names another file, or when the
     * dry run found refused or differing rows (they are decided by a person first, not skipped).
     */
    public ImportProgress start(Actor actor, byte[] content, String confirmedSha256) {
        String sha = RegisterRows.sha256(content);
        if (confirmedSha256 == null || !confirmedSha256.equalsIgnoreCase(sha)) {
            throw new RuleViolation("ConfirmTheSameFile", "sha256",
                    "确认的 SHA-256 与上传文件的不一致：请确认试导入检查过的同一文件（文件 SHA-256 为 " + sha + "）",
                    "the confirmed SHA-256 is not the uploaded file's: confirm the file the dry run checked (its SHA-256 is " + sha + ")");
        }
        boolean checked = jdbc.sql("select count(*) from register_import where agency_id = :agency and file_sha256 = :sha"
                        + " and kind = 'DRY_RUN'")
                .param("agency", actor.agencyId()).param("sha", sha).query(Integer.class).single() > 0;
        if (!checked) {
            throw new RuleViolation("DryRunFirst", "sha256", "请先试导入（dryRun=true）检查该文件，再确认导入",
                    "check the file with a dry run (dryRun=true) before confirming it");
        }
        Check check = check(actor, content);
        if (!check.refusals.isEmpty() || !check.differing.isEmpty()) {
            throw new RuleViolation("RefusedRowsFirst", "file", "文件有 " + check.refusals.size() + " 行被拒绝、" + check.differing.size()
                    + " 行与已导入的不一致：请先更正文件", "the file has " + check.refusals.size() + " refused and "
                    + check.differing.size() + " differing rows: correct the file first");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into register_import (import_id, agency_id, file_sha256, kind, status, requested_by, rows_total,
                            rows_unchanged)
                        values (:id, :agency, :sha, 'IMPORT', 'RUNNING', :by, :total, :unchanged)""")
                .param("id", id).param("agency", actor.agencyId()).param("sha", sha).param("by", actor.username())
                .param("total", check.total).param("unchanged", check.unchanged)
                .update();
        AtomicInteger done = new AtomicInteger();
        running.put(id, done);
        worker.execute(() -> run(id, actor, content, sha, done));
        return progress(actor.agencyId(), id);
    }

    public ImportProgress progress(String agencyId, UUID importId) {
        return jdbc.sql(PROGRESS + " where import_id = :id and agency_id = :agency")
                .param("id", importId).param("agency", agencyId)
                .query(this::progress)
                .optional()
                .orElseThrow(() -> new NotFound("import " + importId));
    }

    /** This agency's latest imports and dry runs, newest first, as their progress (no file, no personal data). */
    public List<ImportProgress> recent(String agencyId, int limit) {
        return jdbc.sql(PROGRESS + " where agency_id = :agency order by started_at desc limit :limit")
                .param("agency", agencyId).param("limit", limit)
                .query(this::progress)
                .list();
    }

    private static final String PROGRESS = """
            select import_id, kind, status, file_sha256, rows_total, rows_refused, rows_unchanged, rows_differing,
                rows_imported, requested_by, started_at, finished_at, failure
            from register_import""";

    /** A stored import with its rows done: counted while it runs here, all of them once DONE. */
    private ImportProgress progress(ResultSet rs, int rowNumber) throws SQLException {
        UUID id = rs.getObject("import_id", UUID.class);
        String status = rs.getString("status");
        AtomicInteger done = running.get(id);
        int rowsDone = done != null ? done.get() : "DONE".equals(status) ? rs.getInt("rows_imported") : 0;
        return new ImportProgress(id, rs.getString("kind"), status, rs.getString("file_sha256"), rs.getInt("rows_total"),
                rowsDone, rs.getInt("rows_refused"), rs.getInt("rows_unchanged"), rs.getInt("rows_differing"),
                rs.getInt("rows_imported"), rs.getString("requested_by"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("failure"));
    }

    /** The years whose part 三 the import's file contributes to, as the dry run of the same file found them. */
    public List<Integer> years(String agencyId, UUID importId) {
        return jdbc.sql("""
                        select cast(jsonb_object_keys(tables) as integer) as year from (
                            select report -> 'tables' as tables from register_import
                            where agency_id = :agency and kind = 'DRY_RUN' and report is not null and file_sha256 =
                                (select file_sha256 from register_import where import_id = :id and agency_id = :agency)
                            order by started_at desc limit 1) latest
                        order by year""")
                .param("agency", agencyId).param("id", importId).query(Integer.class).list();
    }

    /** The report a dry run stored. */
    public String report(String agencyId, UUID importId) {
        return jdbc.sql("select report::text from register_import where import_id = :id and agency_id = :agency and report is not null")
                .param("id", importId).param("agency", agencyId).query(String.class).optional()
                .orElseThrow(() -> new NotFound("import " + importId));
    }

    /** Enters the previous year's published 结转下年度继续办理 row as the baseline the import's open applications must match. */
    public void enterOpeningBalance(Actor actor, int year, Map<ApplicantCategory, Integer> carriedForward) {
        transactions.executeWithoutResult(status -> {
            for (ApplicantCategory category : ApplicantCategory.values()) {
                jdbc.sql("""
                                insert into register_opening_balance (agency_id, year, column_code, carried, entered_by)
                                values (:agency, :year, :column, :carried, :by)
                                on conflict (agency_id, year, column_code) do update set carried = excluded.carried,
                                    entered_by = excluded.entered_by, entered_at = now()""")
                        .param("agency", actor.agencyId()).param("year", year).param("column", category.name())
                        .param("carried", carriedForward.getOrDefault(category, 0)).param("by", actor.username())
                        .update();
            }
        });
    }

    /**
     * A RUNNING import found at startup died with its process, and its transaction rolled back with it,
     * unless an import holds the gate at this moment (another instance's, still running): then nothing is
     * marked, and the next start looks again.
     */
    @EventListener(ApplicationReadyEvent.class)
    void markInterruptedImports() {
        Integer interrupted = transactions.execute(status -> {
            if (!gate.noImportRunning()) {
                return 0;
            }
            return markRunningAsRolledBack();
        });
        if (interrupted != null && interrupted > 0) {
            log.warn("{} register import(s) interrupted by a stop were rolled back; none of their rows is stored", interrupted);
        }
    }

    private int markRunningAsRolledBack() {
        return jdbc.sql("update register_import set status = 'ROLLED_BACK', finished_at = now(),"
                + " failure = '进程中断，事务已回滚，未导入任何行 / the process stopped; the transaction rolled back, no row was imported'"
                + " where status = 'RUNNING'").update();
    }

    private void run(UUID id, Actor actor, byte[] content, String sha, AtomicInteger done) {
        try {
            transactions.executeWithoutResult(status -> {
                gate.holdCommandsBack();
                Check check = check(actor, content);
                if (!check.refusals.isEmpty() || !check.differing.isEmpty()) {
                    throw new IllegalStateException("the file changed meaning since it was confirmed: "
                            + check.refusals.size() + " refused, " + check.differing.size() + " differing rows");
                }
                write(id, actor, sha, check.toImport, done);
                jdbc.sql("update register_import set status = 'DONE', rows_imported = :imported, rows_unchanged = :unchanged,"
                                + " finished_at = now() where import_id = :id")
                        .param("imported", check.toImport.size()).param("unchanged", check.unchanged).param("id", id)
                        .update();
            });
        } catch (RuntimeException e) {
            log.error("Register import {} failed and was rolled back: {}", id, e.getClass().getSimpleName());
            jdbc.sql("update register_import set status = 'FAILED', finished_at = now(), failure = :failure where import_id = :id")
                    .param("failure", "导入失败，事务已回滚，未导入任何行 / the import failed and rolled back, no row was imported: "
                            + e.getClass().getSimpleName())
                    .param("id", id).update();
        } finally {
            running.remove(id);
        }
    }

    private void write(UUID id, Actor actor, String sha, List<Planned> rows, AtomicInteger done) {
        MetaData base = MetaData.from(actor.toMetaData())
                .and(SOURCE, "import").and(IMPORT_ID, id.toString()).and(FILE_SHA256, sha)
                .and(ActorMetaData.CORRELATION_ID, id.toString());
        Map<Integer, Integer> highest = new HashMap<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Planned> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            List<GenericDomainEventMessage<?>> messages = new ArrayList<>(chunk.size() * 3);
            List<Object[]> keys = new ArrayList<>(chunk.size());
            List<ApplicantMatches.Registration> registrations = new ArrayList<>(chunk.size());
            List<String> subjects = new ArrayList<>(chunk.size());
            for (Planned row : chunk) {
                MetaData metaData = base.and(ROW, Integer.toString(row.row()));
                long sequence = 0;
                for (RequestEvent event : row.events()) {
                    messages.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, row.requestId().toString(), sequence++,
                            event, metaData));
                }
                subjects.add(row.requestId().toString());
                registrations.add(new ApplicantMatches.Registration(row.requestId(), row.registrationNumber(),
                        row.received().receivedOn(), row.idNumber()));
                keys.add(new Object[] {actor.agencyId(), row.registrationNumber(), row.requestId(), row.rowSha256(), id, row.row()});
                int[] number = RegisterRows.yearAndNumber(row.registrationNumber());
                if (number != null && number[0] == row.received().receivedOn().getYear()) {
                    highest.merge(number[0], number[1], Math::max);
                }
            }
            personalDataKeys.createForWriting(subjects);
            matches.recordAll(actor.agencyId(), registrations);
            eventStore.publish(messages);
            template.batchUpdate("insert into register_import_row (agency_id, registration_number, request_id, row_sha256,"
                    + " import_id, row_number) values (?, ?, ?, ?, ?, ?)", keys);
            done.addAndGet(chunk.size());
        }
        highest.forEach((year, number) -> jdbc.sql("""
                        insert into registration_counter (agency_id, year, last_number) values (:agency, :year, :number)
                        on conflict (agency_id, year) do update set last_number = greatest(registration_counter.last_number, :number)""")
                .param("agency", actor.agencyId()).param("year", year).param("number", number).update());
    }

    /** Reads and plans the file against what the ledger holds now. */
    private Check check(Actor actor, byte[] content) {
        RegisterFile file = RegisterFile.read(content);
        Set<Integer> closed = new HashSet<>(jdbc.sql("select year from statistics_closed_year where agency_id = :agency")
                .param("agency", actor.agencyId()).query(Integer.class).list());
        RegisterRows.Result result = new RegisterRows(actor.agencyId(), BusinessClock.today(clock), closed, actor.username())
                .plan(file);
        Map<String, Object[]> imported = new HashMap<>();
        jdbc.sql("select registration_number, row_sha256, import_id, row_number, request_id from register_import_row where agency_id = :agency")
                .param("agency", actor.agencyId())
                .query(rs -> {
                    imported.put(rs.getString(1), new Object[] {rs.getString(2), rs.getObject(3, UUID.class), rs.getInt(4),
                            rs.getObject(5, UUID.class)});
                });
        Set<String> registered = new HashSet<>(jdbc.sql("select registration_number from request_summary where agency_id = :agency")
                .param("agency", actor.agencyId()).query(String.class).list());
        Check check = new Check(file.lines().size());
        check.refusals.addAll(result.refusals());
        for (Planned row : result.planned()) {
            Object[] earlier = imported.get(row.registrationNumber());
            if (earlier == null) {
                if (registered.contains(row.registrationNumber())) {
                    check.refusals.add(new RegisterRows.Refusal(row.row(), RegisterColumn.REGISTRATION_NUMBER.header(),
                            RegisterColumn.REGISTRATION_NUMBER.field(), "RegistrationNumberTaken",
                            "登记号：" + row.registrationNumber() + " 已由本系统登记的申请使用",
                            "registrationNumber: " + row.registrationNumber() + " is already used by an application registered in the service"));
                } else {
                    check.toImport.add(row);
                }
            } else if (earlier[0].equals(row.rowSha256())) {
                check.unchanged++;
            } else {
                check.differing.add(new Differing(row.row(), row.registrationNumber(), (UUID) earlier[3], (UUID) earlier[1],
                        (Integer) earlier[2], "该登记号已导入，但本行内容与当时导入的不同：请人工核对后在系统中更正，导入不会覆盖",
                        "already imported from a row that read differently: a person decides and corrects it in the service; the import never overwrites"));
            }
        }
        check.refusals.sort(java.util.Comparator.comparingInt(RegisterRows.Refusal::row));
        check.tables = tables(check.toImport);
        check.balance = balance(actor.agencyId(), check.tables, check.toImport);
        return check;
    }

    private static Map<Integer, Map<String, Map<String, Long>>> tables(List<Planned> rows) {
        Map<Integer, Map<String, Map<String, Long>>> tables = new TreeMap<>();
        Set<Integer> years = new HashSet<>();
        for (Planned row : rows) {
            int received = row.received().receivedOn().getYear();
            RequestConcluded conclusion = row.conclusion();
            int last = conclusion != null ? conclusion.concludedOn().getYear() : received;
            for (int year = received; year <= last; year++) {
                years.add(year);
            }
        }
        for (Planned row : rows) {
            String column = row.received().applicantCategory().name();
            LocalDate receivedOn = row.received().receivedOn();
            RequestConcluded conclusion = row.conclusion();
            LocalDate concludedOn = conclusion == null ? null : conclusion.concludedOn();
            for (int year : years) {
                boolean openAtStart = YearEnd.openAtEndOf(year - 1, receivedOn, concludedOn);
                boolean openAtEnd = YearEnd.openAtEndOf(year, receivedOn, concludedOn);
                if (receivedOn.getYear() == year) {
                    add(tables, year, "RECEIVED", column);
                }
                if (openAtStart) {
                    add(tables, year, "CARRIED_OVER", column);
                }
                if (conclusion != null && conclusion.concludedOn().getYear() == year) {
                    add(tables, year, conclusion.outcome().name(), column);
                    add(tables, year, "RESOLVED_TOTAL", column);
                }
                if (openAtEnd) {
                    add(tables, year, "CARRIED_FORWARD", column);
                }
            }
        }
        return tables;
    }

    private static void add(Map<Integer, Map<String, Map<String, Long>>> tables, int year, String row, String column) {
        Map<String, Map<String, Long>> table = tables.computeIfAbsent(year, y -> new LinkedHashMap<>());
        Map<String, Long> cells = table.computeIfAbsent(row, r -> new LinkedHashMap<>());
        cells.merge(column, 1L, Long::sum);
        cells.merge("TOTAL", 1L, Long::sum);
    }

    /** Where a baseline was entered for year Y−1: the import's applications open at the start of Y, per column. */
    private List<BalanceDifference> balance(String agencyId, Map<Integer, Map<String, Map<String, Long>>> tables,
                                            List<Planned> rows) {
        List<BalanceDifference> differences = new ArrayList<>();
        Map<Integer, Map<String, Long>> baselines = new TreeMap<>();
        jdbc.sql("select year, column_code, carried from register_opening_balance where agency_id = :agency")
                .param("agency", agencyId)
                .query(rs -> {
                    baselines.computeIfAbsent(rs.getInt(1), y -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        baselines.forEach((baselineYear, carried) -> {
            int year = baselineYear + 1;
            Map<String, Long> openAtStart = new HashMap<>();
            for (Planned row : rows) {
                RequestConcluded conclusion = row.conclusion();
                if (YearEnd.openAtEndOf(baselineYear, row.received().receivedOn(),
                        conclusion == null ? null : conclusion.concludedOn())) {
                    openAtStart.merge(row.received().applicantCategory().name(), 1L, Long::sum);
                }
            }
            for (ApplicantCategory category : ApplicantCategory.values()) {
                long expected = carried.getOrDefault(category.name(), 0L);
                long found = openAtStart.getOrDefault(category.name(), 0L);
                if (expected != found) {
                    differences.add(new BalanceDifference(year, category.name(), expected, found,
                            baselineYear + " 年度报告“结转下年度继续办理”（" + category.label() + "）为 " + expected + "，本文件中 "
                                    + baselineYear + " 年底未办结的申请为 " + found + "，相差 " + (found - expected),
                            baselineYear + "'s published carried-forward (" + category.name() + ") is " + expected
                                    + ", this file has " + found + " open at its end: difference " + (found - expected)));
                }
            }
        });
        return differences;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static final class Check {
        final int total;
        final List<RegisterRows.Refusal> refusals = new ArrayList<>();
        final List<Differing> differing = new ArrayList<>();
        final List<Planned> toImport = new ArrayList<>();
        int unchanged;
        Map<Integer, Map<String, Map<String, Long>>> tables;
        List<BalanceDifference> balance;

        Check(int total) {
            this.total = total;
        }

        ImportReport report(UUID id, String sha, String kind, String status) {
            return new ImportReport(id, sha, kind, status, total, toImport.size(), unchanged, refusals, differing, tables,
                    balance, refusals.isEmpty() && differing.isEmpty());
        }
    }
}
