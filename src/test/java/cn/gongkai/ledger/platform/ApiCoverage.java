package cn.gongkai.ledger.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Compares recorded calls ({@link ApiCallRecorder}) with an API description: each call is matched
 * to the operation whose path template fits it best, and its status must be one of that
 * operation's responses. Pages and other paths outside {@code /api/} are not part of the
 * description; a call that fits no operation is reported only if it was answered as if it had
 * reached one (a 404 or 405 there is the service saying that there is no such operation, and a
 * 400, 401 or 403 is the filters answering before anything is matched).
 */
final class ApiCoverage {

    private static final Set<Integer> NO_OPERATION = Set.of(400, 401, 403, 404, 405);

    private ApiCoverage() {
    }

    /** One line per undocumented (operation, status), with how many distinct calls and one of their paths. */
    static List<String> undocumented(JsonNode description, List<String> recordedLines) {
        List<Template> templates = templates(description);
        Map<String, List<String>> findings = new TreeMap<>();
        for (String line : recordedLines) {
            String[] parts = line.split("\t");
            if (parts.length != 3) {
                continue;
            }
            String method = parts[0].equals("HEAD") ? "get" : parts[0].toLowerCase();
            String path = parts[1];
            int status = Integer.parseInt(parts[2]);
            if (!path.startsWith("/api/") || method.equals("options")) {
                continue;
            }
            Template template = templates.stream()
                    .filter(t -> t.pattern().matcher(path).matches() && t.operations().has(method))
                    .min(Comparator.comparingInt(Template::variables))
                    .orElse(null);
            if (template == null) {
                if (!NO_OPERATION.contains(status)) {
                    findings.computeIfAbsent(parts[0] + " " + path + " → " + status
                            + ": no operation in the description", k -> new ArrayList<>()).add(path);
                }
                continue;
            }
            JsonNode responses = template.operations().path(method).path("responses");
            if (!responses.has(Integer.toString(status)) && !responses.has("default")) {
                findings.computeIfAbsent(parts[0] + " " + template.path() + " → " + status
                        + ": not among its responses " + names(responses), k -> new ArrayList<>()).add(path);
            }
        }
        List<String> lines = new ArrayList<>();
        findings.forEach((finding, paths) -> lines.add(finding + " (" + paths.size() + " distinct call"
                + (paths.size() == 1 ? "" : "s") + ", e.g. " + paths.getFirst() + ")"));
        return lines;
    }

    private static List<String> names(JsonNode responses) {
        List<String> names = new ArrayList<>();
        responses.properties().forEach(entry -> names.add(entry.getKey()));
        return names.stream().sorted().toList();
    }

    private static List<Template> templates(JsonNode description) {
        List<Template> templates = new ArrayList<>();
        description.path("paths").properties().forEach(entry -> {
            String path = entry.getKey();
            String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            templates.add(new Template(path, Pattern.compile(regex), (int) path.chars().filter(c -> c == '{').count(),
                    entry.getValue()));
        });
        return templates;
    }

    private record Template(String path, Pattern pattern, int variables, JsonNode operations) {
    }
}
