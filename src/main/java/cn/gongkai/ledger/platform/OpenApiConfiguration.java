package cn.gongkai.ledger.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description at {@code /v3/api-docs} and in Swagger UI: titled in the domain's words,
 * with the two ways to log in (an API token {@code gk_…} as Bearer, or Basic) behind the Authorize
 * button and required by every operation. What every operation has in common (its error answers,
 * its group) is added by {@link ApiContract}; what is particular to one (summary, success code,
 * its own 404/409/422) is annotated on its endpoint. {@code schemas/openapi.json} is this
 * description as published (README, "HTTP contract").
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerAuth";
    static final String BASIC = "basicAuth";

    @Bean
    OpenAPI gongkaiOpenApi(@Value("${gongkai.api.version:dev}") String version) {
        return new OpenAPI()
                .info(new Info()
                        .title("公开台账 Gongkai Ledger API")
                        .version(version)
                        .description("""
                                政府信息依申请公开工作台账：登记、办理、答复、复议诉讼、年度报告统计与审计。
                                Register of applications for government information disclosure (依申请公开): \
                                registration, handling, answers, administrative reconsideration and litigation, \
                                the annual report's tables, and the audit trail.

                                登录 / Authentication: 服务账号用 API 令牌 `Authorization: Bearer gk_…`（由本机关\
                                管理员创建）；工作人员可用 HTTP Basic。An API token (`gk_…`, created by the agency's \
                                ADMIN) as Bearer for scripts and systems; HTTP Basic for a quick call.

                                错误答复 / Errors: 每个错误答复的正文都是 `ApiError`，400 逐项列出字段的中文名称和英文名称，\
                                422 给出业务规则名 `rule`。Every error answer has the `ApiError` body: 400 names each \
                                field in Chinese and English, 422 names the broken rule."""))
                // relative: the same description wherever the service runs (and equal to schemas/openapi.json)
                .servers(List.of(new Server().url("/").description("本服务 / this service")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("gk_…")
                                .description("服务账号的 API 令牌 / a service account's API token (gk_…)"))
                        .addSecuritySchemes(BASIC, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("工作人员的用户名和密码 / a staff user's username and password")))
                // either one: two requirements in the list are alternatives
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OpenApiCustomizer gongkaiApiContract() {
        return new ApiContract();
    }
}
