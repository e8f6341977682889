package cn.gongkai.ledger.access.internal;

import cn.gongkai.ledger.access.Correlation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One correlation id per HTTP request: the caller's {@value Correlation#HEADER} if it is well
 * formed (so that a caller's trace can be followed into the audit trail), otherwise a new UUID;
 * a malformed one is replaced, never refused, since it is no business input. Echoed in the response
 * before anything else runs, so every answer carries it, refusals included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(Correlation.HEADER);
        String id = Correlation.isWellFormed(offered) ? offered : Correlation.newId();
        response.setHeader(Correlation.HEADER, id);
        try (Correlation.Scope ignored = Correlation.open(id)) {
            chain.doFilter(request, response);
        }
    }
}
