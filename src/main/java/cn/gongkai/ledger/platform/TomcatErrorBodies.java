package cn.gongkai.ledger.platform;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any servlet sees them (an encoded NUL or slash in the path, a
 * malformed escape) are answered by the host's error report valve: normally an HTML page. This
 * replaces that valve with one that writes the documented JSON error body, so that every 4xx of the
 * service has the same shape (issue 9, finding 5).
 */
@Component
class TomcatErrorBodies {

    @EventListener
    void replaceErrorReportValve(WebServerInitializedEvent event) {
        if (!(event.getWebServer() instanceof TomcatWebServer server)) {
            return;
        }
        Host host = server.getTomcat().getHost();
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof JsonErrorReportValve) {
                return;
            }
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new JsonErrorReportValve());
    }

    /** Writes the documented error body for any error status nothing else has answered. */
    static final class JsonErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            String body = status == 400 ? RejectedRequests.BODY : """
                    {"status":%d,"error":"error","rule":null,"message":"请求无法处理（%d）",\
                    "messageEn":"the request cannot be handled (%d)","fields":[]}""".formatted(status, status, status);
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer already begun: nothing more to say
            }
        }
    }
}
