package cn.gongkai.ledger.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code gongkai.http.max-body-bytes} (default 1 MiB) with 413: by
 * the declared length at once, and by counting for bodies sent without one. No JSON document of
 * this API comes near the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after the correlation id filter, so that a 413 carries the id too
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** Register files (requests.imports) are the one body that is not a small JSON document: the API's and the pages' upload. */
    private static final String IMPORTS = "/api/imports";
    private static final String IMPORT_PAGES = "/imports/";

    private final long maxBytes;
    private final long maxImportBytes;

    RequestSizeLimitFilter(@Value("${gongkai.http.max-body-bytes:1048576}") long maxBytes,
                           @Value("${gongkai.http.max-import-bytes:67108864}") long maxImportBytes) {
        this.maxBytes = maxBytes;
        this.maxImportBytes = maxImportBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        long maxBytes = path.startsWith(IMPORTS) || path.startsWith(IMPORT_PAGES) ? maxImportBytes : this.maxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            reject(response, maxBytes);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, maxBytes), response);
        } catch (ServletException | RuntimeException e) {
            if (causedByLimit(e) && !response.isCommitted()) {
                response.reset();
                reject(response, maxBytes);
                return;
            }
            throw e;
        }
    }

    private static boolean causedByLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestTooLarge) {
                return true;
            }
        }
        return false;
    }

    private static void reject(HttpServletResponse response, long maxBytes) throws IOException {
        response.setStatus(413);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"status\":413,\"error\":\"content_too_large\","
                + "\"message\":\"请求内容过大（上限 " + maxBytes + " 字节）\","
                + "\"messageEn\":\"request body larger than " + maxBytes + " bytes\",\"fields\":[]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) {
                    read += n;
                    if (read > maxBytes) {
                        throw new RequestTooLarge(maxBytes);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
