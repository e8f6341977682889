package cn.gongkai.ledger.requests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The steps of an application as the 开发区 (kaifaqu) demo staff take them through the API, for integration tests. */
public final class ApplicationSteps {

    private ApplicationSteps() {
    }

    /** A natural person's application received on {@code receivedOn}; returns its id. */
    public static String register(Api api, LocalDate receivedOn) {
        Response registered = api.post("handler-kaifaqu", "/api/requests", RequestJson.received(receivedOn));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.json().get("requestId").asText();
    }

    /** Drafted by the handler, approved by the reviewer and answered with {@code outcome}, all on {@code on}. */
    public static void conclude(Api api, String id, String outcome, LocalDate on) {
        String path = "/api/requests/" + id;
        List<Response> steps = List.of(
                api.post("handler-kaifaqu", path + "/answer-draft", """
                        {"outcome":"%s","legalBasis":"条例第三十六条","text":"答复","draftedOn":"%s"}"""
                        .formatted(outcome, on)),
                api.post("reviewer-kaifaqu", path + "/answer-draft/approval", RequestJson.date("approvedOn", on)),
                api.post("handler-kaifaqu", path + "/answer", RequestJson.date("answeredOn", on)));
        assertThat(steps).allSatisfy(step -> assertThat(step.status()).as(step.toString()).isEqualTo(200));
    }

    /** The years the application was carried forward from. */
    public static List<Integer> carriedFrom(Api api, String id) {
        List<Integer> years = new ArrayList<>();
        api.get("handler-kaifaqu", "/api/requests/" + id).json().get("carriedForwardFrom")
                .forEach(year -> years.add(year.asInt()));
        return years;
    }
}
