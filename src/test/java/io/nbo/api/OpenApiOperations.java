package io.nbo.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every operation the server's OpenAPI document describes, with what it takes: path and query parameters (name and
 * type) and the request body (media type and schema, references resolved). The hostile-input test walks this list, so
 * a new endpoint is driven with bad input without anyone writing a case for it.
 */
final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** One parameter: where it goes (path or query), its name and its JSON-schema type (string, integer, ...). */
    record Param(String in, String name, String type) {
    }

    /** One operation; {@code bodyType} and {@code bodySchema} are null when it takes no body. */
    record Operation(String method, String path, List<Param> params, String bodyType, JsonNode bodySchema) {

        List<Param> pathParams() {
            return params.stream().filter(p -> p.in().equals("path")).toList();
        }

        List<Param> queryParams() {
            return params.stream().filter(p -> p.in().equals("query")).toList();
        }

        boolean takesJson() {
            return bodyType != null && bodyType.contains("json");
        }

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    static List<Operation> of(JsonNode document) {
        List<Operation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode p : concat(path.getValue().path("parameters"), op.path("parameters"))) {
                    JsonNode resolved = resolve(document, p);
                    params.add(new Param(resolved.path("in").asText(), resolved.path("name").asText(),
                            resolve(document, resolved.path("schema")).path("type").asText("string")));
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                Iterator<Map.Entry<String, JsonNode>> content = op.path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    bodyType = first.getKey();
                    bodySchema = resolve(document, first.getValue().path("schema"));
                }
                out.add(new Operation(method, path.getKey(), params, bodyType, bodySchema));
            }
        }
        return out;
    }

    /** The node a {@code $ref} points at (followed until there is none), or the node itself. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> out = new ArrayList<>();
        a.forEach(out::add);
        b.forEach(out::add);
        return out;
    }
}
