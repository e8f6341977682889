package cn.gongkai.ledger.requests;

import static cn.gongkai.ledger.requests.RequestJson.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.Today;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Twenty conflicting commands at once: exactly one wins, the others are told, no event is lost or doubled. */
@LedgerIntegrationTest
class ConcurrentCommandsIT {

    private static final int PARALLEL = 20;

    @Autowired
    JdbcClient jdbc;

    Api api;
    @Today
    LocalDate today;

    @Test
    void twentyChangesBasedOnTheSameVersionLeaveExactlyOneAcceptedAndTheRest409() throws Exception {
        // given an application at version 0
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(today.minusDays(2)));
        String id = registered.json().get("requestId").asText();
        String version = registered.etag();

        // when 20 users draft an answer at once, each based on that version
        List<Response> responses = inParallel(i -> api.post(i % 2 == 0 ? "handler-kaifaqu" : "handler2-kaifaqu",
                "/api/requests/" + id + "/answer-draft", """
                        {"outcome":"DISCLOSED","legalBasis":"条例第三十六条","text":"草稿%d","draftedOn":"%s"}"""
                        .formatted(i, today), "If-Match", version));

        // then one was accepted and 19 were refused as conflicts
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(PARALLEL - 1);
        assertEventStreamIsWhole(id, 2);
    }

    @Test
    void twentyExtensionsAtOnceLeaveExactlyOneAndTheRestAreRefused() throws Exception {
        // given an application
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(today.minusDays(2)));
        String id = registered.json().get("requestId").asText();

        // when 20 reviewers extend it at once, without If-Match
        List<Response> responses = inParallel(i -> api.post(i % 2 == 0 ? "reviewer-kaifaqu" : "reviewer2-kaifaqu",
                "/api/requests/" + id + "/extension",
                "{\"workingDays\":10,\"reason\":\"理由%d\",\"extendedOn\":\"%s\"}".formatted(i, today)));

        // then exactly one extension happened; every other one was refused (rule or conflict), none lost
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 422 || r.status() == 409).hasSize(PARALLEL - 1);
        assertEventStreamIsWhole(id, 2);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id"
                        + " and payload_type like '%DeadlineExtended'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRetriedRegistrationWithTheSameIdempotencyKeyRegistersOnce() throws Exception {
        // when the same registration is posted 20 times at once with one idempotency key
        String key = "retry-" + System.nanoTime();
        List<Response> responses = inParallel(i -> api.post("handler-kaifaqu", "/api/requests",
                received(today.minusDays(1)), "Idempotency-Key", key));

        // then one application exists, and every answer names it
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201));
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses.stream().map(r -> r.json().get("requestId").asText()).distinct()).hasSize(1);
        assertThat(responses.stream().map(r -> r.json().get("registrationNumber").asText()).distinct()).hasSize(1);
        assertEventStreamIsWhole(responses.getFirst().json().get("requestId").asText(), 1);
    }

    @Test
    void twentyRegistrationsAtOnceInTwoReceiptYearsEachTakeANumberOfItsReceiptYearNoneTwice() throws Exception {
        // when 20 applications are registered at once, half of them received back in 2021
        LocalDate backDated = LocalDate.of(2021, 8, 3);
        List<Response> responses = inParallel(i -> api.post(i % 2 == 0 ? "handler-kaifaqu" : "handler2-kaifaqu",
                "/api/requests", received(i % 2 == 0 ? backDated : today)));

        // then each number is of its receipt year (ADR 0016), and no number was handed out twice
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        List<String> backDatedNumbers = numbersOf(responses, backDated);
        List<String> currentNumbers = numbersOf(responses, today);
        assertThat(backDatedNumbers).hasSize(PARALLEL / 2).allMatch(n -> n.matches("2021-\\d{4}")).doesNotHaveDuplicates();
        assertThat(currentNumbers).hasSize(PARALLEL / 2).allMatch(n -> n.matches(today.getYear() + "-\\d{4}"))
                .doesNotHaveDuplicates();
        // and once the register lists them, the agency's register holds every number once
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from request_summary"
                        + " where agency_id = 'kaifaqu' and registration_number in (:numbers)")
                .param("numbers", responses.stream().map(r -> r.json().get("registrationNumber").asText()).toList())
                .query(Long.class).single() == PARALLEL);
        assertThat(jdbc.sql("select count(*) - count(distinct registration_number) from request_summary"
                + " where agency_id = 'kaifaqu'").query(Long.class).single()).isZero();
    }

    private static List<String> numbersOf(List<Response> responses, LocalDate receivedOn) {
        return responses.stream().filter(r -> r.json().get("receivedOn").asText().equals(receivedOn.toString()))
                .map(r -> r.json().get("registrationNumber").asText()).toList();
    }

    private void assertEventStreamIsWhole(String id, int expectedEvents) {
        List<Long> sequence = jdbc.sql("select sequence_number from domain_event_entry where aggregate_identifier = :id"
                        + " order by sequence_number")
                .param("id", id).query(Long.class).list();
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < expectedEvents; i++) {
            expected.add(i);
        }
        assertThat(sequence).containsExactlyElementsOf(expected);
    }

    private interface Call {
        Response call(int i);
    }

    private static List<Response> inParallel(Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                int n = i;
                Callable<Response> task = () -> {
                    start.await();
                    return call.call(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
