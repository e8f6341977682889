package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

class ApiContractTest {

    @Test
    void aCommandOnAnApplicationGetsEveryErrorItCanAnswerWithTheErrorBody() {
        Operation answer = new Operation()
                .addParametersItem(new PathParameter().name("requestId"))
                .addParametersItem(new HeaderParameter().name("If-Match"))
                .requestBody(new RequestBody().content(new Content().addMediaType("application/json", new MediaType())))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("已记录 / recorded"))
                        .addApiResponse("422", new ApiResponse().description("违反业务规则 / a rule refused it")));
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/requests/{requestId}/answer", new PathItem().post(answer)));

        new ApiContract().customise(api);

        assertThat(answer.getResponses()).containsOnlyKeys("200", "400", "401", "403", "404", "409", "413", "415",
                "422", "429");
        assertThat(answer.getResponses().get("422").getDescription()).isEqualTo("违反业务规则 / a rule refused it");
        assertThat(answer.getResponses().get("404").getContent().get("application/json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/ApiError");
        assertThat(answer.getResponses().get("429").getHeaders()).containsKey("Retry-After");
        assertThat(answer.getResponses().get("200").getContent()).isNull();
        assertThat(api.getComponents().getSchemas()).containsKeys("ApiError", "FieldProblem");
        assertThat(answer.getTags()).containsExactly("申请登记与办理 Applications");
        assertThat(answer.getOperationId()).isEqualTo("postRequestsRequestIdAnswer");
        assertThat(answer.getRequestBody().getContent().get("application/json").getExamples()).containsKey("answered");
    }

    @Test
    void aReadWithoutPathVariableOrBodyHasNeither404Nor409Nor415() {
        Operation list = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/api/disputes", new PathItem().get(list)));

        new ApiContract().customise(api);

        assertThat(list.getResponses()).containsOnlyKeys("200", "400", "401", "403", "413", "429");
        assertThat(api.getTags()).singleElement()
                .satisfies(tag -> assertThat(tag.getName()).isEqualTo("复议诉讼 Reconsideration and litigation"));
    }

    @Test
    void aCommandOnADisputeMayLoseARaceButReadingItMayNot() {
        Operation decide = new Operation().addParametersItem(new PathParameter().name("disputeId"));
        Operation view = new Operation().addParametersItem(new PathParameter().name("disputeId"));
        new ApiContract().customise(new OpenAPI().paths(new Paths()
                .addPathItem("/api/disputes/{disputeId}/decision", new PathItem().post(decide))
                .addPathItem("/api/disputes/{disputeId}", new PathItem().get(view))));

        assertThat(decide.getResponses()).containsKey("409");
        assertThat(view.getResponses()).containsKey("404").doesNotContainKey("409");
    }

    @Test
    void operationIdsFollowThePathNotTheJavaMethod() {
        assertThat(ApiContract.operationId(PathItem.HttpMethod.POST, "/api/requests/{requestId}/consultation/answer"))
                .isEqualTo("postRequestsRequestIdConsultationAnswer");
        assertThat(ApiContract.operationId(PathItem.HttpMethod.GET, "/api/statistics/{year}/publication-diff"))
                .isEqualTo("getStatisticsYearPublicationDiff");
    }
}
