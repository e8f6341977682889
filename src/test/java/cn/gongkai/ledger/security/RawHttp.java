package cn.gongkai.ledger.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP for the security tests: answers with all their headers, credentials given per request, and
 * optionally sent from another loopback address (127.0.0.x), so that a test which exhausts the
 * failed-login allowance of its address leaves the other tests' address alone.
 */
final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String base;

    RawHttp(int port) {
        this(port, null);
    }

    /** A client whose connections come from {@code sourceAddress}, e.g. {@code 127.0.0.23}. */
    RawHttp(int port, String sourceAddress) {
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (sourceAddress != null) {
            try {
                builder.localAddress(InetAddress.getByName(sourceAddress));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(sourceAddress, e);
            }
        }
        this.http = builder.build();
        this.base = "http://127.0.0.1:" + port;
    }

    Answer get(String path, String username, String password) {
        return send(request(path, username, password).GET());
    }

    Answer post(String path, String username, String password, String json) {
        return send(request(path, username, password)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    HttpRequest.Builder request(String path, String username, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, headers and body of one answer. */
    record Answer(int status, HttpHeaders headers, String body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        List<String> all(String name) {
            return headers.allValues(name);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }
}
