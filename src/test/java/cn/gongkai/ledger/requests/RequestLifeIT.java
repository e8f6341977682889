package cn.gongkai.ledger.requests;

import static cn.gongkai.ledger.requests.RequestJson.date;
import static cn.gongkai.ledger.requests.RequestJson.received;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.Today;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A whole application life through HTTP on real PostgreSQL, and the history that records it. */
@LedgerIntegrationTest
class RequestLifeIT {

    Api api;
    @Today
    LocalDate today;

    @Test
    void aFullLifeIsRecordedStepByStepWithWhoAndWhen() {
        // given a registered application
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(today.minusDays(30)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.json().get("requestId").asText();
        assertThat(registered.json().get("registrationNumber").asText()).matches(today.getYear() + "-\\d{4}");
        String path = "/api/requests/" + id;

        // when it goes through correction, extension, a returned draft, approval, answer and archive
        List<Response> steps = ApplicationSteps.fullLife(api, path, today);

        // then every step was accepted, and the history shows each with who and when
        assertThat(steps).allSatisfy(step -> assertThat(step.status()).as(step.toString()).isEqualTo(200));
        Response view = api.get("auditor-kaifaqu", path);
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        JsonNode application = view.json();
        assertThat(application.get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(application.get("outcome").asText()).isEqualTo("DISCLOSED");
        assertThat(application.get("outcomeLabel").asText()).isEqualTo("(一) 予以公开");
        assertThat(application.get("applicant").get("name").asText()).isEqualTo("张三");

        JsonNode history = application.get("history");
        List<String> types = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        history.forEach(step -> {
            types.add(step.get("type").asText());
            actors.add(step.get("actor").asText());
            dates.add(step.get("businessDate").asText());
            assertThat(step.get("recordedAt").asText()).isNotBlank();
            assertThat(step.get("label").asText()).isNotBlank();
            assertThat(step.get("details").has("applicant")).isFalse();
        });
        assertThat(types).containsExactly("RequestReceived", "CorrectionRequested", "CorrectionReceived",
                "DeadlineExtended", "AnswerDrafted", "AnswerReturned", "AnswerDrafted", "AnswerApproved",
                "RequestAnswered", "RequestArchived");
        assertThat(actors).containsExactly("handler-kaifaqu", "handler-kaifaqu", "handler-kaifaqu",
                "reviewer-kaifaqu", "handler-kaifaqu", "reviewer-kaifaqu", "handler-kaifaqu", "reviewer-kaifaqu",
                "handler-kaifaqu", "handler-kaifaqu");
        assertThat(dates).containsExactly(
                today.minusDays(30).toString(), today.minusDays(28).toString(), today.minusDays(20).toString(),
                today.minusDays(10).toString(), today.minusDays(5).toString(), today.minusDays(4).toString(),
                today.minusDays(3).toString(), today.minusDays(2).toString(), today.minusDays(1).toString(),
                today.toString());
        assertThat(history.get(3).get("details").get("reason").asText()).isEqualTo("需调取档案");
        assertThat(view.etag()).isEqualTo("\"9\"");
    }

    @Test
    void theDrafterCannotApproveTheirOwnAnswerEvenWithTheReviewerRole() {
        // given a draft by lead-kaifaqu, who is both case handler and reviewer
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(today.minusDays(3)));
        String path = "/api/requests/" + registered.json().get("requestId").asText();
        Response drafted = api.post("lead-kaifaqu", path + "/answer-draft", """
                {"outcome":"UNAVAILABLE_NOT_HELD","legalBasis":"条例第三十六条第四项","text":"本机关不掌握","draftedOn":"%s"}"""
                .formatted(today));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(200);

        // when the drafter approves it, and when a plain handler tries
        Response bySelf = api.post("lead-kaifaqu", path + "/answer-draft/approval", date("approvedOn", today));
        Response byHandler = api.post("handler2-kaifaqu", path + "/answer-draft/approval", date("approvedOn", today));

        // then 编审分离 refuses the first, the role check the second, and nothing was stored
        assertThat(bySelf.status()).isEqualTo(422);
        assertThat(bySelf.json().get("rule").asText()).isEqualTo("ReviewerIsNotDrafter");
        assertThat(byHandler.status()).isEqualTo(403);
        Response view = api.get("handler-kaifaqu", path);
        assertThat(view.json().get("status").asText()).isEqualTo("ANSWER_DRAFTED");
        assertThat(view.json().get("history")).hasSize(2);
        // and another reviewer may approve
        Response byOther = api.post("reviewer-kaifaqu", path + "/answer-draft/approval", date("approvedOn", today));
        assertThat(byOther.status()).as(byOther.toString()).isEqualTo(200);
    }
}
