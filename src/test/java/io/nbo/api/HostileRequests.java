package io.nbo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generates malformed, oversized and hostile requests for one OpenAPI operation: odd path ids, query values of the
 * wrong type, truncated and mistyped JSON built from the operation's own schema, control characters, invalid UTF-8,
 * deep nesting, huge values and bodies, spreadsheets that are not spreadsheets, and seeded random mutations of a
 * plausible body. The same seed gives the same requests, so a failure can be replayed.
 */
final class HostileRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Path ids as they go on the wire (already percent-encoded where the raw character could not be sent). */
    static final List<String> ODD_IDS = List.of("..", "..%2F..%2Fetc%2Fpasswd", "%2E%2E%2F", "%00", "a%00b",
            "%0D%0ASet-Cookie:%20x=1", "%FF%FE", "%C0%AE%C0%AE", "x".repeat(5000), "%E2%82%AC".repeat(1500),
            "%F0%9F%92%A5", "%E2%80%AE", "%20", "%22%3Cscript%3E", "'%20OR%201=1--", "%25", "%5C", "null", "-1",
            "9".repeat(40), "..;", "%7F", "%09", "%E2%80%8B", "a%2Fb", "live", "%3F%23", "%7B%7D", "%EF%BF%BF");

    /** Query values of the wrong type or shape. */
    static final List<String> ODD_QUERY_VALUES = List.of("abc", "1e309", "99999999999999999999", "-1", "0", "%00",
            "", "NaN", "%FF", "x".repeat(3000), "24:61", "2026-13-45", "%0A", "true", "%E2%80%AE");

    /** A request to send and what it must get. */
    record Case(String description, String method, String pathAndQuery, String contentType, byte[] body,
                boolean mustBeClientError) {

        @Override
        public String toString() {
            return description + " -> " + method.toUpperCase() + " " + (pathAndQuery.length() > 120
                    ? pathAndQuery.substring(0, 120) + "..." : pathAndQuery);
        }
    }

    /** A body, and whether no server may accept it (broken JSON, the wrong kind of document). */
    private record Body(String description, byte[] bytes, boolean mustBeRefused) {
    }

    private final Random random;
    private final int hugeBodyBytes;

    HostileRequests(long seed, int hugeBodyBytes) {
        this.random = new Random(seed);
        this.hugeBodyBytes = hugeBodyBytes;
    }

    /** Every case for one operation; {@code huge} adds the bodies over the server's body limit. */
    List<Case> cases(OpenApiOperations.Operation op, boolean huge) {
        List<Case> out = new ArrayList<>();
        String plainPath = fill(op, null, null);
        for (OpenApiOperations.Param param : op.pathParams()) {
            for (String id : ODD_IDS) {
                out.add(new Case("path " + param.name() + "=" + clip(id), op.method(), fill(op, param.name(), id),
                        op.bodyType(), op.bodyType() == null ? null : plausibleBody(op), false));
            }
        }
        for (OpenApiOperations.Param param : op.queryParams()) {
            for (String value : ODD_QUERY_VALUES) {
                out.add(new Case("query " + param.name() + "=" + clip(value), op.method(), plainPath + "?"
                        + param.name() + "=" + value, op.bodyType(), op.bodyType() == null ? null : plausibleBody(op),
                        false));
            }
        }
        out.add(new Case("unknown query parameters", op.method(), plainPath + "?x=%00&limit=-5&" + "y".repeat(2000)
                + "=1", op.bodyType(), null, false));
        if (op.bodyType() == null) {
            out.add(new Case("a body where none is expected", op.method(), plainPath, "application/json",
                    "{\"x\": [1, 2".getBytes(StandardCharsets.UTF_8), false));
            return out;
        }
        for (Body body : op.takesJson() ? jsonBodies(op) : fileBodies()) {
            String path = op.takesJson() ? plainPath : fill(op, null, null, body.bytes().length > 1
                    && body.bytes()[0] == 'P' && body.bytes()[1] == 'K' ? "fuzz.drl.xlsx" : "fuzz.drl.csv");
            out.add(new Case(body.description(), op.method(), path, op.bodyType(), body.bytes(),
                    body.mustBeRefused()));
        }
        out.add(new Case("no body", op.method(), plainPath, op.bodyType(), new byte[0], true));
        out.add(new Case("an XML body", op.method(), plainPath, "application/xml",
                "<offer><id>1</id></offer>".getBytes(StandardCharsets.UTF_8), true));
        if (huge) {
            byte[] big = new byte[hugeBodyBytes];
            java.util.Arrays.fill(big, (byte) '[');
            out.add(new Case("a body over the server's body limit", op.method(), plainPath, op.bodyType(), big,
                    true));
        }
        return out;
    }

    private List<Body> jsonBodies(OpenApiOperations.Operation op) {
        List<Body> out = new ArrayList<>();
        String plausible = new String(plausibleBody(op), StandardCharsets.UTF_8);
        JsonNode schema = op.bodySchema();
        boolean array = "array".equals(schema.path("type").asText());
        for (String text : List.of("{", "{\"id\":", "[", "\"", "nul", "{\"a\" 1}", "{'id': 'x'}", "{\"id\": \"a\", }",
                "\"x\"", "42", "true", array ? "{}" : "[]")) {
            out.add(new Body("JSON " + clip(text), text.getBytes(StandardCharsets.UTF_8), true));
        }
        out.add(new Body("JSON null", "null".getBytes(StandardCharsets.UTF_8), false));
        out.add(new Body("truncated plausible JSON", plausible.substring(0, Math.max(1, plausible.length() / 2))
                .getBytes(StandardCharsets.UTF_8), true));
        out.add(new Body("nesting 100,000 deep", "[".repeat(100_000).getBytes(StandardCharsets.UTF_8), true));
        out.add(new Body("raw control characters", "{\"id\": \"a\u0000\u0007\u001b\"}".getBytes(
                StandardCharsets.UTF_8), true));
        out.add(new Body("invalid UTF-8", concat("{\"id\": \"".getBytes(StandardCharsets.UTF_8), new byte[] {
                (byte) 0xFF, (byte) 0xFE, (byte) 0xC0}, "\"}".getBytes(StandardCharsets.UTF_8)), true));
        out.add(new Body("a number with 100,000 digits", ("{\"limit\": " + "9".repeat(100_000) + "}")
                .getBytes(StandardCharsets.UTF_8), false));
        out.add(new Body("1e999999", "{\"limit\": 1e999999, \"age\": -1e999999}".getBytes(StandardCharsets.UTF_8),
                false));
        out.add(new Body("a 2 MB string", ("{\"id\": \"" + "a".repeat(2_000_000) + "\"}").getBytes(
                StandardCharsets.UTF_8), false));
        JsonNode objectSchema = array ? schema.path("items") : schema;
        List<String> properties = new ArrayList<>();
        objectSchema.path("properties").fieldNames().forEachRemaining(properties::add);
        for (String property : properties) {
            String type = objectSchema.path("properties").path(property).path("type").asText("object");
            for (JsonNode wrong : wrongValues(type)) {
                if (random.nextInt(3) == 0) {
                    ObjectNode body = (ObjectNode) plausibleNode(objectSchema);
                    body.set(property, wrong);
                    out.add(new Body("'" + property + "' (" + type + ") as " + clip(wrong.toString()),
                            bytes(array ? NODES.arrayNode().add(body) : body), false));
                }
            }
        }
        for (int i = 0; i < 12; i++) {
            out.add(new Body("mutation " + i + " of plausible JSON", mutate(plausible.getBytes(
                    StandardCharsets.UTF_8)), false));
        }
        return out;
    }

    private List<Body> fileBodies() {
        List<Body> out = new ArrayList<>();
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        out.add(body("random bytes", noise));
        out.add(body("NUL bytes", new byte[1024]));
        out.add(body("invalid UTF-8", new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', ',', (byte) 0xC0, '\n'}));
        out.add(body("a zip that is not a workbook", zip("evil.txt", "hello".getBytes(StandardCharsets.UTF_8))));
        out.add(body("a zip bomb (64 MB of zeros)", zip("xl/worksheets/sheet1.xml", new byte[64 * 1024 * 1024])));
        out.add(body("a truncated zip", java.util.Arrays.copyOf(zip("xl/workbook.xml", new byte[10_000]), 60)));
        out.add(body("CSV with control characters", "RuleSet,a\u0000b\nRuleTable x\u001b\n".getBytes(
                StandardCharsets.UTF_8)));
        out.add(body("CSV with a 1 MB cell", ("RuleTable T\nNAME,CONDITION\n" + "x".repeat(1_000_000))
                .getBytes(StandardCharsets.UTF_8)));
        out.add(body("CSV with 100,000 empty lines", "\n".repeat(100_000).getBytes(StandardCharsets.UTF_8)));
        out.add(body("CSV with an unclosed quote", "\"abc,def\n".repeat(1000).getBytes(StandardCharsets.UTF_8)));
        out.add(body("JSON instead of a table", "{\"id\": 1}".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 6; i++) {
            byte[] table = ("RuleSet,nbo.x\nRuleTable T\nNAME,CONDITION,ACTION\n,Customer,\n,age >= $param,"
                    + "\"offers.eligible(\"\"$param\"\");\"\nRule,Age,Offer\nr,18,X\n")
                    .getBytes(StandardCharsets.UTF_8);
            out.add(new Body("mutation " + i + " of a table", mutate(table), false));
        }
        return out;
    }

    private static Body body(String description, byte[] bytes) {
        return new Body(description, bytes, true);
    }

    /** The operation's path with every parameter filled: {@code value} for {@code name}, a plain id for others. */
    private static String fill(OpenApiOperations.Operation op, String name, String value) {
        return fill(op, name, value, "plain-id");
    }

    /** The path with {@code value} for {@code name} and {@code others} for every other parameter. */
    private static String fill(OpenApiOperations.Operation op, String name, String value, String others) {
        String path = op.path();
        for (OpenApiOperations.Param param : op.pathParams()) {
            String v = param.name().equals(name) ? value : others;
            path = path.replace("{" + param.name() + "}", v);
        }
        return path;
    }

    private byte[] plausibleBody(OpenApiOperations.Operation op) {
        if (!op.takesJson()) {
            return "RuleSet,nbo.x\n".getBytes(StandardCharsets.UTF_8);
        }
        return bytes(plausibleNode(op.bodySchema()));
    }

    /** A body shaped like the schema: each property with its example, or a value of its type. */
    private JsonNode plausibleNode(JsonNode schema) {
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        return switch (type) {
            case "object" -> {
                ObjectNode node = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    node.set(field.getKey(), plausibleNode(field.getValue()));
                }
                yield node;
            }
            case "array" -> NODES.arrayNode().add(plausibleNode(schema.path("items")));
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(schema.has("enum") ? schema.get("enum").get(0).asText() : "x");
        };
    }

    private static List<JsonNode> wrongValues(String type) {
        List<JsonNode> out = new ArrayList<>();
        ArrayNode nested = NODES.arrayNode().add(NODES.arrayNode().add(NODES.arrayNode()));
        switch (type) {
            case "string" -> out.addAll(List.of(NODES.numberNode(123), NODES.objectNode(), nested,
                    NODES.booleanNode(true), NODES.textNode("\u0000\u202E\uD83D\uDCA5" + "z".repeat(10_000))));
            case "integer", "number" -> out.addAll(List.of(NODES.textNode("many"), NODES.objectNode(),
                    NODES.arrayNode().add(1), NODES.booleanNode(true), NODES.numberNode(new java.math.BigDecimal(
                            "1e400")), NODES.numberNode(new java.math.BigInteger("9".repeat(40))),
                    NODES.numberNode(-1)));
            case "boolean" -> out.addAll(List.of(NODES.textNode("yes"), NODES.numberNode(2), NODES.objectNode()));
            case "array" -> out.addAll(List.of(NODES.textNode("x"), NODES.objectNode(), NODES.numberNode(5),
                    NODES.arrayNode().add(NODES.objectNode()), nested, NODES.arrayNode().add(NODES.nullNode())));
            default -> out.addAll(List.of(NODES.textNode("x"), NODES.arrayNode(), NODES.numberNode(5)));
        }
        out.add(NODES.nullNode());
        return out;
    }

    /** One of: cut short, a byte flipped, a control character or invalid UTF-8 inserted, a span duplicated. */
    private byte[] mutate(byte[] text) {
        byte[] out = text.clone();
        int at = random.nextInt(Math.max(1, out.length));
        return switch (random.nextInt(5)) {
            case 0 -> java.util.Arrays.copyOf(out, at);
            case 1 -> {
                out[at] = (byte) random.nextInt(256);
                yield out;
            }
            case 2 -> concat(java.util.Arrays.copyOf(out, at), new byte[] {(byte) random.nextInt(32)},
                    java.util.Arrays.copyOfRange(out, at, out.length));
            case 3 -> concat(java.util.Arrays.copyOf(out, at), new byte[] {(byte) 0xE2, (byte) 0x80},
                    java.util.Arrays.copyOfRange(out, at, out.length));
            default -> concat(out, java.util.Arrays.copyOfRange(out, at, out.length));
        };
    }

    private static byte[] zip(String entry, byte[] content) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
                zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(content);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String clip(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 37) + "..." : clean;
    }
}
