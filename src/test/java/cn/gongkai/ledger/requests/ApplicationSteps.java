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
        return register(api, "kaifaqu", receivedOn);
    }

    /** As {@link #register(Api, LocalDate)}, by the demo handler of {@code agency} (kaifaqu or yicheng). */
    public static String register(Api api, String agency, LocalDate receivedOn) {
        Response registered = api.post("handler-" + agency, "/api/requests", RequestJson.received(receivedOn));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.json().get("requestId").asText();
    }

    /** Drafted by the handler, approved by the reviewer and answered with {@code outcome}, all on {@code on}. */
    public static void conclude(Api api, String id, String outcome, LocalDate on) {
        conclude(api, "kaifaqu", id, outcome, on);
    }

    /** As {@link #conclude(Api, String, String, LocalDate)}, by the demo staff of {@code agency}. */
    public static void conclude(Api api, String agency, String id, String outcome, LocalDate on) {
        String path = "/api/requests/" + id;
        List<Response> steps = List.of(
                api.post("handler-" + agency, path + "/answer-draft", """
                        {"outcome":"%s","legalBasis":"条例第三十六条","text":"答复","draftedOn":"%s"}"""
                        .formatted(outcome, on)),
                api.post("reviewer-" + agency, path + "/answer-draft/approval", RequestJson.date("approvedOn", on)),
                api.post("handler-" + agency, path + "/answer", RequestJson.date("answeredOn", on)));
        assertThat(steps).allSatisfy(step -> assertThat(step.status()).as(step.toString()).isEqualTo(200));
    }

    /**
     * The whole life of a registered application dated back from {@code today}: correction requested
     * and received, extended, drafted, returned, drafted again, approved, answered (disclosed),
     * archived — nine steps, each answer returned in order.
     */
    public static List<Response> fullLife(Api api, String path, LocalDate today) {
        List<Response> steps = new ArrayList<>();
        steps.add(api.post("handler-kaifaqu", path + "/correction-request", """
                {"whatIsUnclear":"请说明所需文件的年份","requestedOn":"%s","correctionDueOn":"%s"}"""
                .formatted(today.minusDays(28), today.minusDays(18))));
        steps.add(api.post("handler-kaifaqu", path + "/correction-receipt", RequestJson.date("receivedOn", today.minusDays(20))));
        steps.add(api.post("reviewer-kaifaqu", path + "/extension", """
                {"workingDays":15,"reason":"需调取档案","extendedOn":"%s"}""".formatted(today.minusDays(10))));
        steps.add(api.post("handler-kaifaqu", path + "/answer-draft", """
                {"outcome":"PARTIALLY_DISCLOSED","legalBasis":"条例第三十七条","text":"部分公开","draftedOn":"%s"}"""
                .formatted(today.minusDays(5))));
        steps.add(api.post("reviewer-kaifaqu", path + "/answer-draft/return", """
                {"reason":"应全部公开","returnedOn":"%s"}""".formatted(today.minusDays(4))));
        steps.add(api.post("handler-kaifaqu", path + "/answer-draft", """
                {"outcome":"DISCLOSED","legalBasis":"条例第三十六条第一项","text":"予以公开","draftedOn":"%s"}"""
                .formatted(today.minusDays(3))));
        steps.add(api.post("reviewer-kaifaqu", path + "/answer-draft/approval", RequestJson.date("approvedOn", today.minusDays(2))));
        steps.add(api.post("handler-kaifaqu", path + "/answer", RequestJson.date("answeredOn", today.minusDays(1))));
        steps.add(api.post("handler-kaifaqu", path + "/archive", RequestJson.date("archivedOn", today)));
        return steps;
    }

    /** The years the application was carried forward from. */
    public static List<Integer> carriedFrom(Api api, String id) {
        return carriedFrom(api, "kaifaqu", id);
    }

    /** As {@link #carriedFrom(Api, String)}, for an application of {@code agency}. */
    public static List<Integer> carriedFrom(Api api, String agency, String id) {
        List<Integer> years = new ArrayList<>();
        api.get("handler-" + agency, "/api/requests/" + id).json().get("carriedForwardFrom")
                .forEach(year -> years.add(year.asInt()));
        return years;
    }
}
