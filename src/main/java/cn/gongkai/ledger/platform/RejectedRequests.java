package cn.gongkai.ledger.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request the security firewall refuses (an encoded slash or NUL in the path, a path with
 * {@code ..} or {@code ;}, a header with control characters) is answered here with the documented
 * 400 body. Spring Security's default rethrows it to the container, whose error page is then not
 * the API's.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    static final String BODY = """
            {"status":400,"error":"bad_request","rule":null,"message":"输入有误：请求 请求格式错误（路径、参数或请求头无效）",\
            "messageEn":"invalid input: request malformed request (path, parameters or headers)",\
            "fields":[{"field":"request","label":"请求","messageZh":"请求格式错误（路径、参数或请求头无效）",\
            "messageEn":"malformed request (path, parameters or headers)"}]}""";

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(BODY);
    }
}
