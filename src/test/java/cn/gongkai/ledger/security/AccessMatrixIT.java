package cn.gongkai.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.Today;
import cn.gongkai.ledger.requests.ApplicationSteps;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call which endpoint, for every endpoint, every role, in the owning agency and in another
 * one: the {@link #MATRIX} below is the specification, one row per endpoint, and the test sends
 * each request and checks its outcome class. Every resource named in a path or a body belongs to
 * 开发区 (kaifaqu); the yicheng columns are the same roles of 驿城区 trying to reach it.
 *
 * <p>The rows are checked against Spring's handler mappings: an endpoint added without a row makes
 * {@link #everyMappedEndpointHasARowAndEveryRowAnEndpoint()} fail.
 */
@LedgerIntegrationTest
// its own database, so that the resources it changes are its own; a small pool, as it sends one request at a time
@TestPropertySource(properties = {"gongkai.test.database=access-matrix",
        "spring.datasource.hikari.maximum-pool-size=8", "spring.datasource.hikari.minimum-idle=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    /**
     * A allowed: the request passes authentication and authorization (any answer but 401, 403,
     * 404, 405 or 5xx; a 400 or 422 is a refusal by validation or a business rule, not by access).
     * F forbidden (403): the role may not do this. N not found (404): the resource belongs to another
     * agency, so for this user it does not exist. U unauthenticated (401).
     *
     * <p>Columns: HANDLER, REVIEWER, HEAD, AUDITOR, ADMIN of kaifaqu | the same of yicheng | anonymous |
     * PLATFORM_ADMIN (platform-admin, of no agency). The last column may be left out: the platform
     * administrator is then forbidden (F), or allowed (A) where even an anonymous caller is, since it
     * administers agencies and reads nothing of theirs.
     */
    static final String MATRIX = """
            # method path                                               | kaifaqu H R D U M | yicheng H R D U M | anon | platform
            GET    /api/me                                              | A A A A A | A A A A A | U | A
            GET    /api/requests                                        | A A A A F | A A A A F | U
            POST   /api/requests                                        | A F F F F | A F F F F | U
            GET    /api/requests/{requestId}                            | A A A A F | N N N N F | U
            POST   /api/requests/{requestId}/correction-request         | A F F F F | N F F F F | U
            POST   /api/requests/{requestId}/correction-receipt         | A F F F F | N F F F F | U
            POST   /api/requests/{requestId}/consultation               | A F F F F | N F F F F | U
            POST   /api/requests/{requestId}/consultation/answer        | A F F F F | N F F F F | U
            POST   /api/requests/{requestId}/extension                  | F A A F F | F N N F F | U
            POST   /api/requests/{requestId}/fee-notice                 | A F F F F | N F F F F | U
            POST   /api/requests/{requestId}/fee-payment                | A F F F F | N F F F F | U
            POST   /api/requests/{requestId}/fee-waiver                 | F A A F F | F N N F F | U
            POST   /api/requests/{requestId}/answer-draft               | A F F F F | N F F F F | U
            POST   /api/requests/{requestId}/answer-draft/approval      | F A A F F | F N N F F | U
            POST   /api/requests/{requestId}/answer-draft/return        | F A A F F | F N N F F | U
            POST   /api/requests/{requestId}/answer                     | A F F F F | N F F F F | U
            POST   /api/requests/{requestId}/withdrawal                 | A F F F F | N F F F F | U
            POST   /api/requests/{requestId}/lapse                      | A F F F F | N F F F F | U
            POST   /api/requests/{requestId}/carry-forward              | F F A F F | F F N F F | U
            POST   /api/requests/{requestId}/outcome-correction         | F A A F F | F N N F F | U
            POST   /api/requests/{requestId}/category-correction        | F A A F F | F N N F F | U
            POST   /api/requests/{requestId}/archive                    | A F F F F | N F F F F | U
            POST   /api/requests/{requestId}/personal-data-erasure      | F F F F A | F F F F N | U
            GET    /api/requests/{requestId}/deadline                   | A A A A F | N N N N F | U
            GET    /api/requests/{requestId}/notices                    | A A A A F | N N N N F | U
            GET    /api/requests/{requestId}/notices/preview            | A A A F F | N N N F F | U
            POST   /api/requests/{requestId}/notices                    | A A A F F | N N N F F | U
            POST   /api/requests/{requestId}/notices/{noticeId}/delivery | A A A F F | N N N F F | U
            GET    /api/requests/{requestId}/notices/{noticeId}/docx    | A A A A F | N N N N F | U
            GET    /api/requests/{requestId}/notices/{noticeId}/pdf     | A A A A F | N N N N F | U
            GET    /api/admin/notice-templates                          | F F F F A | F F F F A | U
            PUT    /api/admin/notice-templates/letterhead               | F F F F A | F F F F A | U
            PUT    /api/admin/notice-templates/{noticeKind}             | F F F F A | F F F F A | U
            GET    /api/disputes                                        | A A A A F | A A A A F | U
            POST   /api/disputes                                        | A A A F F | N N N F F | U
            GET    /api/disputes/cells/{group}/{column}                 | A A A A F | A A A A F | U
            GET    /api/disputes/{disputeId}                            | A A A A F | N N N N F | U
            POST   /api/disputes/{disputeId}/decision                   | A A A F F | N N N F F | U
            POST   /api/disputes/{disputeId}/correction                 | F A A F F | F N N F F | U
            POST   /api/disputes/{disputeId}/withdrawal                 | F A A F F | F N N F F | U
            GET    /api/statistics/{year}                               | A A A A F | N N N N F | U
            GET    /api/statistics/{year}/as-of                         | A A A A F | N N N N F | U
            GET    /api/statistics/{year}/export                        | A A A A F | N N N N F | U
            GET    /api/statistics/{year}/cells/{row}/{column}          | A A A A F | N N N N F | U
            GET    /api/statistics/{year}/publication-diff              | A A A A F | A A A A F | U
            POST   /api/statistics/{year}/publish                       | F F A F F | F F A F F | U
            POST   /api/statistics/{year}/close                         | F F A F F | F F A F F | U
            GET    /api/statistics/{year}/close                         | A A A A F | A A A A F | U
            GET    /api/audit/requests/{requestId}                      | F F A A F | F F N N F | U
            GET    /api/audit/users/{username}/activity                 | F F A A F | F F N N F | U
            GET    /api/audit/years/{year}/changes                      | F F A A F | F F A A F | U
            GET    /api/calendar/{year}                                 | A A A A A | A A A A A | U | A
            PUT    /api/calendar/{year}                                 | F F F F A | F F F F A | U
            GET    /api/calendar/changes                                | F F F F A | F F F F A | U
            GET    /api/admin/users                                     | F F F F A | F F F F A | U
            POST   /api/admin/users                                     | F F F F A | F F F F F | U
            GET    /api/admin/users/{username}                          | F F F F A | F F F F N | U
            PUT    /api/admin/users/{username}/roles                    | F F F F A | F F F F N | U
            POST   /api/admin/users/{username}/disable                  | F F F F A | F F F F N | U
            GET    /api/admin/tokens                                    | F F F F A | F F F F A | U
            POST   /api/admin/tokens                                    | F F F F A | F F F F A | U
            GET    /api/admin/tokens/{tokenId}                          | F F F F A | F F F F N | U
            POST   /api/admin/tokens/{tokenId}/revoke                   | F F F F A | F F F F N | U
            GET    /api/admin/publishing/dead-letters                   | F F F F A | F F F F A | U
            POST   /api/admin/publishing/dead-letters/retry             | F F F F A | F F F F A | U
            POST   /api/admin/publishing/dead-letters/{sequenceId}/retry | F F F F N | F F F F N | U
            POST   /api/admin/deadline-alerts/run                       | F F F F A | F F F F A | U
            GET    /api/admin/dead-letters                              | F F F F A | F F F F A | U
            GET    /api/admin/dead-letters/{group}                      | F F F F A | F F F F A | U
            POST   /api/admin/dead-letters/{group}/retry                | F F F F A | F F F F A | U
            POST   /api/admin/dead-letters/{group}/{sequenceId}/retry   | F F F F N | F F F F N | U

            GET    /api/admin/personal-data-keys                        | F F F F A | F F F F A | U
            POST   /api/admin/personal-data-keys/rotation               | F F F F A | F F F F A | U
            GET    /api/integrity/chain                                 | F F F A A | F F F A A | U
            POST   /api/integrity/chain/checkpoint                      | F F F F A | F F F F A | U
            GET    /v3/api-docs                                         | A A A A A | A A A A A | A
            GET    /v3/api-docs.yaml                                    | A A A A A | A A A A A | A
            GET    /v3/api-docs/swagger-config                          | A A A A A | A A A A A | A
            GET    /swagger-ui.html                                     | A A A A A | A A A A A | A
            GET    /actuator                                            | F F F F A | F F F F A | U
            GET    /actuator/health                                     | A A A A A | A A A A A | A
            GET    /actuator/health/**                                  | A A A A A | A A A A A | A
            GET    /actuator/info                                       | F F F F A | F F F F A | U
            GET    /actuator/metrics                                    | F F F F A | F F F F A | U
            GET    /actuator/metrics/{requiredMetricName}               | F F F F A | F F F F A | U
            GET    /api/platform/agencies                               | F F F F F | F F F F F | U | A
            POST   /api/platform/agencies                               | F F F F F | F F F F F | U | A
            GET    /api/platform/agencies/{agencyId}                    | F F F F F | F F F F F | U | A
            GET    /api/platform/agencies/{agencyId}/history            | F F F F F | F F F F F | U | A
            GET    /api/imports/template                                | A A A A A | A A A A A | U
            POST   /api/imports/dry-run                                 | F F A F A | F F A F A | U
            POST   /api/imports                                         | F F A F A | F F A F A | U
            GET    /api/imports/{importId}                              | F F A F A | F F N F N | U
            GET    /api/imports/{importId}/report                       | F F A F A | F F N F N | U
            PUT    /api/imports/opening-balance/{year}                  | F F A F A | F F A F A | U
            GET    /api/reports/{year}                                  | A A A A F | A A A A F | U
            GET    /api/reports/{year}/part2                            | A A A A F | A A A A F | U
            PUT    /api/reports/{year}/part2                            | A A A F F | A A A F F | U
            PUT    /api/reports/{year}/part2/{figure}                   | A A A F F | A A A F F | U
            GET    /api/reports/{year}/prose                            | A A A A F | A A A A F | U
            GET    /api/reports/{year}/prose/{section}/versions         | A A A A F | A A A A F | U
            POST   /api/reports/{year}/prose/first-draft                | A A A F F | A A A F F | U
            PUT    /api/reports/{year}/prose/{section}                  | A A A F F | A A A F F | U
            GET    /api/reports/{year}/gate                             | A A A A F | A A A A F | U
            POST   /api/reports/{year}/gate/acknowledgements            | F F A F F | F F A F F | U
            POST   /api/reports/{year}/publications                     | F F A F F | F F A F F | U
            GET    /api/reports/{year}/publications                     | A A A A F | A A A A F | U
            GET    /api/reports/{year}/publications/{version}           | N N N N F | N N N N F | U
            GET    /api/reports/{year}/document                         | A A A A F | A A A A F | U
            GET    /api/reports/{year}/publications/{version}/document  | N N N N F | N N N N F | U
            PUT    /api/platform/agencies/{agencyId}/name               | F F F F F | F F F F F | U | A
            PUT    /api/platform/agencies/{agencyId}/parent             | F F F F F | F F F F F | U | A
            POST   /api/platform/agencies/{agencyId}/administrators     | F F F F F | F F F F F | U | A
            """;

    /*
     * Notes on rows whose expectation is a decision rather than obvious:
     * - GET /api/requests, /api/disputes, /api/disputes/cells/..., /api/statistics/{year}/publication-diff,
     *   the calendar and POST /api/requests name no kaifaqu resource: a yicheng user is allowed and sees
     *   or changes yicheng's own (listsOfAnotherAgencyNeverShowTheResources checks nothing leaks).
     * - /api/statistics/{year}/… are called with ?agency=kaifaqu, so yicheng asks for kaifaqu's tables.
     * - POST /api/admin/users with agencyId kaifaqu by yicheng's ADMIN is 403, not 404: no existing
     *   resource is looked up, the body asks for a user in another agency (AccessIT covers it too).
     * - POST /api/admin/publishing/dead-letters/{sequenceId}/retry: the kaifaqu ADMIN also gets 404,
     *   because the application has no dead letters (a broker refusing a message is needed for one, see
     *   publishing/DeadLetterIT); this row only proves that no other role gets past 403 and that another
     *   agency's ADMIN gets 404, not 403.
     * - POST /api/admin/dead-letters/{group}/{sequenceId}/retry: 404 for the kaifaqu ADMIN too, as above (the
     *   application has no letter; processing/PoisonedEventIT parks one).
     * - /api/audit/… are read-only, for AUDITOR and HEAD; the years/{year}/changes row names no
     *   kaifaqu resource, so a yicheng auditor or head reads yicheng's own changes. The
     *   activity of a kaifaqu user is 404 for yicheng: that user does not exist for them.
     * - POST /api/requests/{requestId}/personal-data-erasure: only an ADMIN of the application's agency; the
     *   kaifaqu ADMIN's call is refused by the retention rule (422, default P10Y), which is past access.
     * - POST /api/admin/tokens names a new service account of the caller's own agency: a yicheng ADMIN
     *   mints a token for yicheng (security/ApiTokenIT covers agencies and tokens as callers).
     * - /api/reports/{year}/… name no kaifaqu resource: the report is always the caller's own agency's, so a yicheng
     *   user reads or writes yicheng's report. GET …/publications/{version} is 404 for every reader here: 2025 has
     *   no published version in this database (report/PublicationGateIT publishes); the row proves that no role
     *   outside HANDLER, REVIEWER, HEAD and AUDITOR gets past 403. Acknowledging and publishing are the head's.
     * - The calendar is national: every agency's ADMIN maintains it (see the report in docs/security.md).
     * - The personal data keyring is global, one key file for every agency's keys: any agency's ADMIN sees
     *   its versions and rotates it (ADR 0012); neither shows or changes any agency's data.
     * - The tamper-evidence chain is global, one over every agency's events: AUDITOR and ADMIN of any agency
     *   verify it (it shows ids and hashes, no content); publishing a checkpoint on demand is for ADMIN.
     * - The platform administrator reads the national calendar as every logged-in user does (no agency's data).
     * - /api/imports…: the head or the administrator of an agency imports its own register; the dry run, the
     *   confirmation and the baseline name no kaifaqu resource (a yicheng head checks a file for yicheng; the
     *   confirmation of a file without a dry run is refused by DryRunFirst, 422, past access); an import of
     *   kaifaqu is 404 for yicheng.
     * - /api/platform/agencies/…: only the platform administrator; every agency's users, its ADMIN included, get 403.
     *   The rename and parent rows send kaifaqu's current name and parent (allowed, nothing changes); the
     *   administrators row is refused by FirstAdministratorOnlyOnce (422), kaifaqu having its ADMIN.
     */

    /** Mappings that are not endpoints anyone calls on purpose. */
    private static final Map<String, String> NOT_IN_MATRIX = Map.of(
            "* /error", "the servlet container's error page; requests reach it only by an error dispatch");

    private static final List<String> KAIFAQU = List.of(
            "handler-kaifaqu", "reviewer-kaifaqu", "head-kaifaqu", "auditor-kaifaqu", "admin-kaifaqu");
    private static final List<String> YICHENG = List.of(
            "handler-yicheng", "reviewer-yicheng", "head-yicheng", "auditor-yicheng", "admin-yicheng");
    private static final String PLATFORM = "platform-admin";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    List<RequestMappingInfoHandlerMapping> allHandlerMappings;

    private Api api;
    @Today
    private LocalDate today;
    private String openApplication;
    private String concludedApplication;
    private String dispute;
    private String notice;
    private String staffUser;
    private String importId;
    private String apiToken;
    private final AtomicInteger sequence = new AtomicInteger();

    /** What an allowed caller would send: resources of kaifaqu, bodies that pass validation. */
    private Map<String, Supplier<Call>> calls() {
        String request = "/api/requests/" + openApplication;
        String stats = "/api/statistics/2025";
        Map<String, Supplier<Call>> calls = new LinkedHashMap<>();
        calls.put("GET /api/me", () -> get("/api/me"));
        calls.put("GET /api/requests", () -> get("/api/requests"));
        calls.put("POST /api/requests", () -> post("/api/requests", """
                {"channel":"INTERNET","receivedOn":"%s","applicantCategory":"COMMERCIAL_ENTERPRISE",
                 "applicant":{"name":"矩阵测试有限公司"},"informationRequested":"权限矩阵测试",
                 "deliveryForm":"ELECTRONIC_BY_EMAIL"}""".formatted(today)));
        calls.put("GET /api/requests/{requestId}", () -> get(request));
        calls.put("POST /api/requests/{requestId}/correction-request", () -> post(request + "/correction-request",
                """
                {"whatIsUnclear":"所需信息的名称不明确","requestedOn":"%s","correctionDueOn":"%s"}"""
                        .formatted(today, today.plusDays(15))));
        calls.put("POST /api/requests/{requestId}/correction-receipt", () -> post(request + "/correction-receipt",
                date("receivedOn")));
        calls.put("POST /api/requests/{requestId}/consultation", () -> post(request + "/consultation", """
                {"party":"THIRD_PARTY","consulted":"第三方公司","startedOn":"%s"}""".formatted(today)));
        calls.put("POST /api/requests/{requestId}/consultation/answer", () -> post(request + "/consultation/answer",
                date("answeredOn")));
        calls.put("POST /api/requests/{requestId}/extension", () -> post(request + "/extension", """
                {"workingDays":5,"reason":"需调取档案","extendedOn":"%s"}""".formatted(today)));
        calls.put("POST /api/requests/{requestId}/fee-notice", () -> post(request + "/fee-notice", """
                {"method":"ENTERED","amountFen":1000,"reason":"复制费","issuedOn":"%s","payableBy":"%s"}"""
                .formatted(today, today.plusDays(20))));
        calls.put("POST /api/requests/{requestId}/fee-payment", () -> post(request + "/fee-payment", """
                {"amountFen":1000,"paidOn":"%s"}""".formatted(today)));
        calls.put("POST /api/requests/{requestId}/fee-waiver", () -> post(request + "/fee-waiver", """
                {"reason":"经济困难","waivedOn":"%s"}""".formatted(today)));
        calls.put("POST /api/requests/{requestId}/answer-draft", () -> post(request + "/answer-draft", """
                {"outcome":"DISCLOSED","legalBasis":"条例第三十六条第一项","text":"予以公开","draftedOn":"%s"}"""
                .formatted(today)));
        calls.put("POST /api/requests/{requestId}/answer-draft/approval",
                () -> post(request + "/answer-draft/approval", date("approvedOn")));
        calls.put("POST /api/requests/{requestId}/answer-draft/return", () -> post(request + "/answer-draft/return",
                """
                {"reason":"依据不足","returnedOn":"%s"}""".formatted(today)));
        calls.put("POST /api/requests/{requestId}/answer", () -> post(request + "/answer", date("answeredOn")));
        calls.put("POST /api/requests/{requestId}/withdrawal", () -> post(request + "/withdrawal",
                date("withdrawnOn")));
        calls.put("POST /api/requests/{requestId}/lapse", () -> post(request + "/lapse", """
                {"cause":"CORRECTION_NOT_SUBMITTED","concludedOn":"%s"}""".formatted(today)));
        calls.put("POST /api/requests/{requestId}/carry-forward", () -> post(request + "/carry-forward",
                "{\"fromYear\":2025}"));
        calls.put("POST /api/requests/{requestId}/outcome-correction", () -> post(request + "/outcome-correction", """
                {"correctedOutcome":"PARTIALLY_DISCLOSED","reason":"更正","correctedOn":"%s"}""".formatted(today)));
        calls.put("POST /api/requests/{requestId}/category-correction", () -> post(request + "/category-correction",
                """
                {"correctedCategory":"RESEARCH_INSTITUTION","reason":"更正","correctedOn":"%s"}""".formatted(today)));
        calls.put("POST /api/requests/{requestId}/archive", () -> post(request + "/archive", date("archivedOn")));
        String notices = request + "/notices";
        calls.put("GET /api/requests/{requestId}/notices", () -> get(notices));
        calls.put("GET /api/requests/{requestId}/notices/preview",
                () -> get(notices + "/preview?noticeKind=ACKNOWLEDGEMENT&format=HTML"));
        calls.put("POST /api/requests/{requestId}/notices", () -> post(notices, """
                {"noticeKind":"ACKNOWLEDGEMENT","issuedOn":"%s"}""".formatted(today)));
        calls.put("POST /api/requests/{requestId}/notices/{noticeId}/delivery", () -> post(notices + "/" + notice
                + "/delivery", """
                {"deliveryMethod":"IN_PERSON","deliveredOn":"%s"}""".formatted(today)));
        calls.put("GET /api/requests/{requestId}/notices/{noticeId}/docx", () -> get(notices + "/" + notice + "/docx"));
        calls.put("GET /api/requests/{requestId}/notices/{noticeId}/pdf", () -> get(notices + "/" + notice + "/pdf"));
        calls.put("GET /api/admin/notice-templates", () -> get("/api/admin/notice-templates"));
        calls.put("PUT /api/admin/notice-templates/letterhead", () -> new Call("PUT", "/api/admin/notice-templates/letterhead",
                """
                {"agencyName":"驿城区人民政府","numberPrefix":"驿政公开","sealText":"驿城区人民政府",
                 "reconsiderationAuthority":"驻马店市人民政府","court":"驻马店市驿城区人民法院"}"""));
        calls.put("PUT /api/admin/notice-templates/{noticeKind}", () -> new Call("PUT",
                "/api/admin/notice-templates/ACKNOWLEDGEMENT", """
                {"templateText":"{{申请人}}：您的申请已登记，登记号{{登记号}}。"}"""));
        calls.put("POST /api/requests/{requestId}/personal-data-erasure", () -> post("/api/requests/"
                + concludedApplication + "/personal-data-erasure", "{\"reason\":\"保存期限届满\"}"));
        calls.put("GET /api/requests/{requestId}/deadline", () -> get(request + "/deadline"));
        calls.put("GET /api/disputes", () -> get("/api/disputes"));
        calls.put("POST /api/disputes", () -> post("/api/disputes", """
                {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s"}""".formatted(concludedApplication, today)));
        calls.put("GET /api/disputes/cells/{group}/{column}",
                () -> get("/api/disputes/cells/RECONSIDERATION/UPHELD?year=" + today.getYear()));
        calls.put("GET /api/disputes/{disputeId}", () -> get("/api/disputes/" + dispute));
        calls.put("POST /api/disputes/{disputeId}/decision", () -> post("/api/disputes/" + dispute + "/decision", """
                {"result":"UPHELD","decidedOn":"%s"}""".formatted(today)));
        calls.put("POST /api/disputes/{disputeId}/correction", () -> post("/api/disputes/" + dispute + "/correction",
                """
                {"requestId":"%s","kind":"LITIGATION_AFTER_RECONSIDERATION","filedOn":"%s","reason":"误登类型",
                 "correctedOn":"%s"}""".formatted(concludedApplication, today, today)));
        calls.put("POST /api/disputes/{disputeId}/withdrawal", () -> post("/api/disputes/" + dispute + "/withdrawal",
                "{\"reason\":\"重复登记\",\"withdrawnOn\":\"%s\"}".formatted(today)));
        String report = "/api/reports/2025";
        calls.put("GET /api/reports/{year}", () -> get(report));
        calls.put("GET /api/reports/{year}/part2", () -> get(report + "/part2"));
        calls.put("PUT /api/reports/{year}/part2", () -> put(report + "/part2", """
                {"figures": {"LICENSING": {"value": "%d"}}, "reason": "权限矩阵测试"}""".formatted(sequence.incrementAndGet())));
        calls.put("PUT /api/reports/{year}/part2/{figure}", () -> put(report + "/part2/PENALTIES", """
                {"value": "%d", "reason": "权限矩阵测试"}""".formatted(sequence.incrementAndGet())));
        calls.put("GET /api/reports/{year}/prose", () -> get(report + "/prose"));
        calls.put("GET /api/reports/{year}/prose/{section}/versions", () -> get(report + "/prose/PART5/versions"));
        calls.put("POST /api/reports/{year}/prose/first-draft", () -> post(report + "/prose/first-draft", ""));
        calls.put("PUT /api/reports/{year}/prose/{section}", () -> put(report + "/prose/PART5", """
                {"text": "权限矩阵测试。"}"""));
        calls.put("GET /api/reports/{year}/gate", () -> get(report + "/gate"));
        calls.put("POST /api/reports/{year}/gate/acknowledgements", () -> post(report + "/gate/acknowledgements", """
                {"findingKey": "NoSuchWarning", "explanation": "权限矩阵测试"}"""));
        calls.put("POST /api/reports/{year}/publications", () -> post(report + "/publications", "{}"));
        calls.put("GET /api/reports/{year}/publications", () -> get(report + "/publications"));
        calls.put("GET /api/reports/{year}/publications/{version}", () -> get(report + "/publications/1"));
        calls.put("GET /api/reports/{year}/document", () -> get(report + "/document?format=HTML"));
        calls.put("GET /api/reports/{year}/publications/{version}/document",
                () -> get(report + "/publications/1/document?format=HTML"));
        calls.put("GET /api/statistics/{year}", () -> get(stats + "?agency=kaifaqu"));
        calls.put("GET /api/statistics/{year}/as-of", () -> get(stats + "/as-of?agency=kaifaqu&at=2026-01-01T00:00:00Z"));
        calls.put("GET /api/statistics/{year}/export", () -> get(stats + "/export?agency=kaifaqu&format=CSV"));
        calls.put("GET /api/statistics/{year}/cells/{row}/{column}",
                () -> get(stats + "/cells/RECEIVED/NATURAL_PERSON?agency=kaifaqu"));
        calls.put("GET /api/statistics/{year}/publication-diff", () -> get(stats + "/publication-diff"));
        calls.put("POST /api/statistics/{year}/publish", () -> post(stats + "/publish", ""));
        calls.put("POST /api/statistics/{year}/close", () -> post(stats + "/close", ""));
        calls.put("GET /api/statistics/{year}/close", () -> get(stats + "/close"));
        calls.put("GET /api/audit/requests/{requestId}", () -> get("/api/audit/requests/" + openApplication));
        calls.put("GET /api/audit/users/{username}/activity", () -> get("/api/audit/users/handler-kaifaqu/activity?from="
                + today.minusDays(1) + "&to=" + today.plusDays(1)));
        calls.put("GET /api/audit/years/{year}/changes", () -> get("/api/audit/years/2025/changes"));
        calls.put("GET /api/calendar/{year}", () -> get("/api/calendar/2026"));
        calls.put("PUT /api/calendar/{year}", () -> new Call("PUT", "/api/calendar/2031",
                "{\"holidays\":{},\"adjustedWorkdays\":{}}"));
        calls.put("GET /api/calendar/changes", () -> get("/api/calendar/changes"));
        calls.put("GET /api/admin/users", () -> get("/api/admin/users"));
        calls.put("POST /api/admin/users", () -> post("/api/admin/users", """
                {"username":"matrix-new-%d","displayName":"新同事","agencyId":"kaifaqu","roles":["HANDLER"],
                 "password":"correct-horse-battery"}""".formatted(sequence.incrementAndGet())));
        calls.put("GET /api/admin/users/{username}", () -> get("/api/admin/users/" + staffUser));
        calls.put("PUT /api/admin/users/{username}/roles", () -> new Call("PUT", "/api/admin/users/" + staffUser
                + "/roles", "{\"roles\":[\"HANDLER\",\"AUDITOR\"]}"));
        calls.put("POST /api/admin/users/{username}/disable", () -> post("/api/admin/users/" + staffUser + "/disable",
                ""));
        calls.put("GET /api/admin/tokens", () -> get("/api/admin/tokens"));
        calls.put("POST /api/admin/tokens", () -> post("/api/admin/tokens", """
                {"name":"matrix","serviceAccount":"svc-matrix-%d","roles":["HANDLER"],"expiresAt":"%s"}"""
                .formatted(sequence.incrementAndGet(), java.time.OffsetDateTime.now().plusDays(7))));
        calls.put("GET /api/admin/tokens/{tokenId}", () -> get("/api/admin/tokens/" + apiToken));
        calls.put("POST /api/admin/tokens/{tokenId}/revoke", () -> post("/api/admin/tokens/" + apiToken + "/revoke", ""));
        calls.put("GET /api/admin/publishing/dead-letters", () -> get("/api/admin/publishing/dead-letters"));
        calls.put("POST /api/admin/publishing/dead-letters/retry",
                () -> post("/api/admin/publishing/dead-letters/retry", ""));
        calls.put("POST /api/admin/deadline-alerts/run", () -> post("/api/admin/deadline-alerts/run", ""));
        calls.put("POST /api/admin/publishing/dead-letters/{sequenceId}/retry",
                () -> post("/api/admin/publishing/dead-letters/" + openApplication + "/retry", ""));
        calls.put("GET /api/admin/dead-letters", () -> get("/api/admin/dead-letters"));
        calls.put("GET /api/admin/dead-letters/{group}", () -> get("/api/admin/dead-letters/request-summary"));
        calls.put("POST /api/admin/dead-letters/{group}/retry",
                () -> post("/api/admin/dead-letters/request-summary/retry", ""));
        calls.put("POST /api/admin/dead-letters/{group}/{sequenceId}/retry",
                () -> post("/api/admin/dead-letters/request-summary/" + openApplication + "/retry", ""));

        calls.put("GET /api/admin/personal-data-keys", () -> get("/api/admin/personal-data-keys"));
        calls.put("POST /api/admin/personal-data-keys/rotation", () -> post("/api/admin/personal-data-keys/rotation", ""));
        calls.put("GET /api/integrity/chain", () -> get("/api/integrity/chain"));
        calls.put("POST /api/integrity/chain/checkpoint", () -> post("/api/integrity/chain/checkpoint", ""));
        calls.put("GET /v3/api-docs", () -> get("/v3/api-docs"));
        calls.put("GET /v3/api-docs.yaml", () -> get("/v3/api-docs.yaml"));
        calls.put("GET /v3/api-docs/swagger-config", () -> get("/v3/api-docs/swagger-config"));
        calls.put("GET /swagger-ui.html", () -> get("/swagger-ui.html"));
        calls.put("GET /actuator", () -> get("/actuator"));
        calls.put("GET /actuator/health", () -> get("/actuator/health"));
        calls.put("GET /actuator/health/**", () -> get("/actuator/health/liveness"));
        calls.put("GET /actuator/info", () -> get("/actuator/info"));
        calls.put("GET /actuator/metrics", () -> get("/actuator/metrics"));
        calls.put("GET /actuator/metrics/{requiredMetricName}", () -> get("/actuator/metrics/jvm.threads.live"));
        calls.put("GET /api/platform/agencies", () -> get("/api/platform/agencies"));
        calls.put("POST /api/platform/agencies", () -> post("/api/platform/agencies", """
                {"agencyId":"matrix-%d","name":"矩阵机关","reason":"权限矩阵"}""".formatted(sequence.incrementAndGet())));
        calls.put("GET /api/platform/agencies/{agencyId}", () -> get("/api/platform/agencies/kaifaqu"));
        calls.put("GET /api/platform/agencies/{agencyId}/history", () -> get("/api/platform/agencies/kaifaqu/history"));
        calls.put("PUT /api/platform/agencies/{agencyId}/name", () -> new Call("PUT",
                "/api/platform/agencies/kaifaqu/name", """
                {"name":"驻马店经济开发区管委会","reason":"权限矩阵"}"""));
        calls.put("PUT /api/platform/agencies/{agencyId}/parent", () -> new Call("PUT",
                "/api/platform/agencies/kaifaqu/parent", """
                {"parentId":null,"reason":"权限矩阵"}"""));
        calls.put("POST /api/platform/agencies/{agencyId}/administrators", () -> post(
                "/api/platform/agencies/kaifaqu/administrators", """
                {"username":"matrix-admin","displayName":"矩阵管理员","password":"correct-horse-battery","reason":"权限矩阵"}"""));
        String register = "登记号,收到申请日期,申请渠道,申请人类型,申请人姓名/名称,申请内容\n矩阵-1,%s,互联网渠道,自然人,矩阵,权限矩阵\n"
                .formatted(today);
        calls.put("GET /api/imports/template", () -> get("/api/imports/template?format=CSV"));
        calls.put("POST /api/imports/dry-run", () -> new Call("POST-CSV", "/api/imports/dry-run", register));
        calls.put("POST /api/imports", () -> new Call("POST-CSV", "/api/imports?sha256=" + "0".repeat(64), register));
        calls.put("GET /api/imports/{importId}", () -> get("/api/imports/" + importId));
        calls.put("GET /api/imports/{importId}/report", () -> get("/api/imports/" + importId + "/report"));
        calls.put("PUT /api/imports/opening-balance/{year}", () -> new Call("PUT", "/api/imports/opening-balance/2020",
                """
                {"carriedForward":{"NATURAL_PERSON":0}}"""));
        return calls;
    }

    @BeforeAll
    void createTheResourcesOfKaifaqu() {
        openApplication = ApplicationSteps.register(api, today);
        concludedApplication = ApplicationSteps.register(api, today);
        ApplicationSteps.conclude(api, concludedApplication, "DISCLOSED", today);
        Response letter = api.post("handler-kaifaqu", "/api/requests/" + openApplication + "/notices", """
                {"noticeKind":"ACKNOWLEDGEMENT","issuedOn":"%s"}""".formatted(today));
        assertThat(letter.status()).as(letter.toString()).isEqualTo(201);
        notice = letter.json().get("noticeId").asString();
        Response filed = api.post("handler-kaifaqu", "/api/disputes", """
                {"requestId":"%s","kind":"LITIGATION_DIRECT","filedOn":"%s"}""".formatted(concludedApplication, today));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        dispute = filed.json().get("disputeId").asString();
        Response checked = api.send("head-kaifaqu", java.net.http.HttpRequest.newBuilder(
                        api.uri("/api/imports/dry-run"))
                .header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "登记号,收到申请日期,申请渠道,申请人类型,申请人姓名/名称,申请内容\n", java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        importId = checked.json().get("importId").asString();
        staffUser = "matrix-target";
        Response created = api.post("admin-kaifaqu", "/api/admin/users", """
                {"username":"%s","displayName":"矩阵对象","agencyId":"kaifaqu","roles":["HANDLER"],
                 "password":"correct-horse-battery"}""".formatted(staffUser));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response token = api.post("admin-kaifaqu", "/api/admin/tokens", """
                {"name":"矩阵","serviceAccount":"svc-matrix-target","roles":["HANDLER"],"expiresAt":"%s"}"""
                .formatted(java.time.OffsetDateTime.now().plusDays(7)));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        apiToken = token.json().get("token").get("id").asString();
        // a published 2025 for both agencies, so that publication-diff answers with a difference, not 404
        for (String head : List.of("head-kaifaqu", "head-yicheng")) {
            Response closed = api.post(head, "/api/statistics/2025/close", "");
            assertThat(closed.status()).as(closed.toString()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Response published = api.post(head, "/api/statistics/2025/publish", "");
                assertThat(published.status()).as(published.toString()).isEqualTo(200);
            });
            // the publication is recorded by an event processor, a moment after the command
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get(head, "/api/statistics/2025/publication-diff").status() == 200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("handler-kaifaqu", "/api/requests").body()
                .contains(openApplication));
        // the audit trail, too, follows the events a moment later
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("auditor-kaifaqu",
                "/api/audit/requests/" + openApplication).status() == 200);
    }

    @TestFactory
    Stream<DynamicContainer> everyRoleOfBothAgenciesGetsExactlyTheExpectedOutcome() {
        Map<String, Supplier<Call>> calls = calls();
        return rows().stream().map(row -> {
            Supplier<Call> call = calls.get(row.endpoint());
            List<DynamicTest> cells = new ArrayList<>();
            for (int i = 0; i < KAIFAQU.size(); i++) {
                cells.add(cell(row.endpoint(), KAIFAQU.get(i), row.kaifaqu().get(i), call));
            }
            for (int i = 0; i < YICHENG.size(); i++) {
                cells.add(cell(row.endpoint(), YICHENG.get(i), row.yicheng().get(i), call));
            }
            cells.add(cell(row.endpoint(), null, row.anonymous(), call));
            cells.add(cell(row.endpoint(), PLATFORM, row.platform(), call));
            return DynamicContainer.dynamicContainer(row.endpoint(), cells);
        });
    }

    private DynamicTest cell(String endpoint, String user, Outcome expected, Supplier<Call> call) {
        String who = user == null ? "anonymous" : user;
        return DynamicTest.dynamicTest(who + " → " + expected.meaning, () -> {
            assertThat(call).as("no request is defined for the row " + endpoint).isNotNull();
            Call request = call.get();
            Response response = send(user, request);
            assertThat(expected.matches(response.status()))
                    .as("%s %s as %s: expected %s, got %s", request.method(), request.path(), who, expected.meaning,
                            response)
                    .isTrue();
        });
    }

    @Test
    void everyMappedEndpointHasARowAndEveryRowAnEndpoint() {
        Set<String> mapped = new TreeSet<>(endpointsOf(handlerMapping));
        for (RequestMappingInfoHandlerMapping mapping : allHandlerMappings) {
            mapped.addAll(endpointsOf(mapping));
        }
        mapped.removeAll(NOT_IN_MATRIX.keySet());
        // the pages for people sit behind the sign-in form and its session: their access is web.PageAccessIT's
        mapped.removeIf(endpoint -> !endpoint.contains(" /api/") && !endpoint.contains(" /v3/")
                && !endpoint.contains(" /actuator") && !endpoint.contains(" /swagger-ui"));
        Set<String> rows = new TreeSet<>(rows().stream().map(Row::endpoint).toList());

        assertThat(endpointsOf(handlerMapping)).as("the application's own controllers")
                .anyMatch(endpoint -> endpoint.startsWith("POST /api/requests/"));
        assertThat(rows).as("rows of AccessMatrixIT.MATRIX vs. the endpoints Spring maps").isEqualTo(mapped);
        assertThat(calls().keySet()).as("a request for every row").containsExactlyInAnyOrderElementsOf(rows);
    }

    /**
     * A caller without the role learns nothing from validation: a broken body still gets 403, not a
     * 400 that lists the fields the endpoint wants (the role is checked before the body is read).
     */
    @TestFactory
    Stream<DynamicTest> aCallerWithoutTheRoleIsForbiddenBeforeTheBodyIsRead() {
        Map<String, Supplier<Call>> calls = calls();
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows()) {
            if (row.endpoint().startsWith("GET ")) {
                continue;
            }
            for (int i = 0; i < KAIFAQU.size(); i++) {
                if (row.kaifaqu().get(i) == Outcome.F) {
                    String user = KAIFAQU.get(i);
                    tests.add(DynamicTest.dynamicTest(row.endpoint() + " as " + user, () -> {
                        Call allowed = calls.get(row.endpoint()).get();
                        Response response = send(user, new Call(allowed.method(), allowed.path(), "{\"broken\": "));
                        assertThat(response.status()).as("%s %s as %s with a broken body: %s", allowed.method(),
                                allowed.path(), user, response).isEqualTo(403);
                    }));
                }
            }
        }
        assertThat(tests).as("endpoints with a body that some role may not call").hasSizeGreaterThan(20);
        return tests.stream();
    }

    @Test
    void anAuditorAndAnAnonymousCallerChangeNothing() {
        for (Row row : rows()) {
            boolean reads = row.endpoint().startsWith("GET ");
            if (!reads) {
                assertThat(row.kaifaqu().get(3)).as("AUDITOR on " + row.endpoint()).isNotEqualTo(Outcome.A);
                assertThat(row.yicheng().get(3)).as("AUDITOR on " + row.endpoint()).isNotEqualTo(Outcome.A);
                assertThat(row.anonymous()).as("anonymous on " + row.endpoint()).isNotEqualTo(Outcome.A);
            }
        }
    }

    @Test
    void onlyTheApiDescriptionAndHealthAreOpenToAnonymousCallers() {
        List<String> open = rows().stream().filter(row -> row.anonymous() == Outcome.A).map(Row::endpoint).toList();

        assertThat(open).containsExactlyInAnyOrder("GET /v3/api-docs", "GET /v3/api-docs.yaml",
                "GET /v3/api-docs/swagger-config", "GET /swagger-ui.html", "GET /actuator/health",
                "GET /actuator/health/**");
    }

    @Test
    void thePlatformAdministratorReachesOnlyThePlatformEndpointsAndWhatIsOpenToAll() {
        List<String> reached = rows().stream()
                .filter(row -> row.platform() == Outcome.A && row.anonymous() != Outcome.A)
                .map(Row::endpoint)
                .toList();

        // the national calendar (holidays and adjusted workdays) is what every logged-in user reads
        assertThat(reached).allMatch(endpoint -> endpoint.equals("GET /api/me")
                || endpoint.equals("GET /api/calendar/{year}") || endpoint.contains(" /api/platform/"),
                "is /api/me, the calendar or under /api/platform/");
        assertThat(reached).hasSize(9);
    }

    @Test
    void listsOfAnotherAgencyNeverShowTheResources() {
        for (String user : YICHENG.subList(0, 4)) {
            assertThat(api.get(user, "/api/requests?size=500").body()).doesNotContain(openApplication)
                    .doesNotContain(concludedApplication);
            assertThat(api.get(user, "/api/disputes").body()).doesNotContain(dispute)
                    .doesNotContain(concludedApplication);
            assertThat(api.get(user, "/api/statistics/2025/cells/RECEIVED/NATURAL_PERSON?agency=yicheng").body())
                    .doesNotContain(openApplication);
        }
        assertThat(api.get("admin-yicheng", "/api/admin/users").body()).doesNotContain(staffUser)
                .doesNotContain("handler-kaifaqu");
    }

    // ---- the table --------------------------------------------------------------------------------

    enum Outcome {
        A("allowed"), F("forbidden (403)"), N("not found (404)"), U("unauthenticated (401)");

        final String meaning;

        Outcome(String meaning) {
            this.meaning = meaning;
        }

        boolean matches(int status) {
            return switch (this) {
                case A -> status != 401 && status != 403 && status != 404 && status != 405 && status < 500;
                case F -> status == 403;
                case N -> status == 404;
                case U -> status == 401;
            };
        }
    }

    record Row(String endpoint, List<Outcome> kaifaqu, List<Outcome> yicheng, Outcome anonymous, Outcome platform) {
    }

    record Call(String method, String path, String body) {
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String line : MATRIX.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|");
            assertThat(parts.length).as(line).isBetween(4, 5);
            String[] request = parts[0].trim().split("\\s+");
            String endpoint = request[0] + " " + request[1];
            assertThat(seen.add(endpoint)).as("duplicate row " + endpoint).isTrue();
            List<Outcome> kaifaqu = outcomes(parts[1]);
            List<Outcome> yicheng = outcomes(parts[2]);
            List<Outcome> anonymous = outcomes(parts[3]);
            assertThat(kaifaqu).as(line).hasSize(5);
            assertThat(yicheng).as(line).hasSize(5);
            assertThat(anonymous).as(line).hasSize(1);
            Outcome platform = parts.length == 5 ? outcomes(parts[4]).get(0)
                    : anonymous.get(0) == Outcome.A ? Outcome.A : Outcome.F;
            rows.add(new Row(endpoint, kaifaqu, yicheng, anonymous.get(0), platform));
        }
        return rows;
    }

    private static List<Outcome> outcomes(String cells) {
        return Stream.of(cells.trim().split("\\s+")).map(Outcome::valueOf).toList();
    }

    private static Set<String> endpointsOf(RequestMappingInfoHandlerMapping mapping) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("* " + pattern);
                }
                methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
            }
        }
        return endpoints;
    }

    private Response send(String user, Call call) {
        return switch (call.method()) {
            case "GET" -> api.get(user, call.path());
            case "POST" -> api.post(user, call.path(), call.body());
            case "PUT" -> api.put(user, call.path(), call.body());
            case "POST-CSV" -> api.send(user, java.net.http.HttpRequest.newBuilder(
                            api.uri(call.path()))
                    .header("Content-Type", "text/csv")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(call.body(), java.nio.charset.StandardCharsets.UTF_8)));
            default -> throw new IllegalArgumentException(call.method());
        };
    }

    private static Call get(String path) {
        return new Call("GET", path, null);
    }

    private static Call post(String path, String body) {
        return new Call("POST", path, body);
    }

    private static Call put(String path, String body) {
        return new Call("PUT", path, body);
    }

    private String date(String field) {
        return "{\"%s\":\"%s\"}".formatted(field, today);
    }
}
