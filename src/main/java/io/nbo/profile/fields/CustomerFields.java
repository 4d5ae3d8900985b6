package io.nbo.profile.fields;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.Values;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.attribute.AttributeDeclaration;
import io.nbo.profile.attribute.Attributes;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads one customer from its fields, the one way every entry point does (POST/PUT /api/customers, the bulk call,
 * CSV and JSON-lines imports): the built-in fields by name, the declared custom attributes either flat
 * ({@code "income": 52000}) or under {@code "attributes"}, each value checked against its type. A field that is
 * neither built in nor declared is refused, naming it, or with {@link Unknown#WARN} left out and reported, never
 * silently dropped. Values come as JSON gives them (text, numbers, true/false, lists) or as CSV text (lists
 * comma-separated, an empty cell is no value). Problems are {@link InvalidFieldProblem}s naming the field.
 */
public final class CustomerFields {

    /** The built-in fields, in the order exports write them. */
    public static final List<String> FIELDS = List.of("id", "name", "email", "phone", "age", "gender", "country",
            "region", "timeZone", "consents", "segments", "tags", "lifecycleStage", "engagement", "recencyDays",
            "frequency", "monetary", "topCategories", "topItems", "preferredChannels", "predictedValue", "churnRisk");
    /** Names a custom attribute may not take: the built-in fields, the attributes object and the tables' names. */
    public static final Set<String> BUILT_IN = Set.of("id", "name", "email", "phone", "age", "gender", "country",
            "region", "timezone", "consents", "segments", "tags", "lifecycle", "engagement", "frequency", "monetary",
            "attributes", "known", "warnings");
    /** Output-only fields a client may send back unchanged: ignored on input. */
    private static final Set<String> READ_ONLY = Set.of("warnings");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>,;]{1,64}@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{4,32}");
    private static final Set<String> STAGES = Set.of("prospect", "new", "active", "lapsing", "lapsed");
    private static final Set<String> ENGAGEMENT = Set.of("high", "medium", "low", "unknown");
    private static final int MAX_ATTRIBUTES_JSON = 8000;

    /** What to do with a field the profile does not have. */
    public enum Unknown {
        REFUSE, WARN;

        /** From a query parameter: refuse (the default) or warn. */
        public static Unknown of(String value) {
            if (value == null || value.equals("refuse")) {
                return REFUSE;
            }
            if (value.equals("warn")) {
                return WARN;
            }
            throw new InvalidFieldProblem("unknownFields", "unknownFields is refuse (the default) or warn, got "
                    + Values.quote(value));
        }
    }

    /** A customer read, with the unknown fields left out (only with {@link Unknown#WARN}). */
    public record Read(CustomerProfile profile, List<String> unknownFields) {
    }

    private final Attributes attributes;
    private final Unknown unknown;

    public CustomerFields(Attributes attributes, Unknown unknown) {
        this.attributes = attributes;
        this.unknown = unknown;
    }

    /** The fields the profile does not have, in the order given. */
    public List<String> unknownOf(Iterable<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (!FIELDS.contains(name) && !name.equals("attributes") && !READ_ONLY.contains(name)
                    && attributes.get(name).isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /** A problem naming the unknown fields and what the profile has instead. */
    public InvalidFieldProblem unknownProblem(List<String> names) {
        return new InvalidFieldProblem(String.join(",", names), "unknown field" + (names.size() > 1 ? "s " : " ")
                + String.join(", ", names.stream().map(n -> "'" + Values.clip(n, 60) + "'").toList())
                + ": a customer has " + String.join(", ", FIELDS) + " and the declared attributes: "
                + attributes.describe() + ". Declare the attribute (POST /api/attributes), fix the name, or send "
                + "unknownFields=warn to accept the rest and be told what was left out");
    }

    /** Reads one customer; {@code id} (when not null) is the id the caller's path names, used when the body has none. */
    public Read read(Map<String, ?> fields, String id) {
        if (fields == null) {
            throw new InvalidFieldProblem("body", "the request needs a JSON body describing the customer");
        }
        List<String> unknownFields = unknownOf(fields.keySet());
        Map<String, String> attributeValues = new TreeMap<>();
        Object nested = fields.get("attributes");
        if (nested instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String name = String.valueOf(e.getKey());
                if (attributes.get(name).isEmpty()) {
                    unknownFields.add("attributes." + name);
                } else {
                    attribute(name, "attributes." + name, e.getValue(), attributeValues);
                }
            }
        } else if (nested != null && !(nested instanceof String s && s.isEmpty())) {
            throw new InvalidFieldProblem("attributes", "attributes is an object of declared attribute names and "
                    + "values, e.g. {\"income\": 52000}");
        }
        if (!unknownFields.isEmpty() && unknown == Unknown.REFUSE) {
            throw unknownProblem(unknownFields);
        }
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (!FIELDS.contains(e.getKey()) && attributes.get(e.getKey()).isPresent()) {
                attribute(e.getKey(), e.getKey(), e.getValue(), attributeValues);
            }
        }
        if (attributeValues.toString().length() > MAX_ATTRIBUTES_JSON - 200) {
            throw new InvalidFieldProblem("attributes", "the custom attribute values take more than "
                    + (MAX_ATTRIBUTES_JSON - 200) + " characters together; shorten the text values");
        }
        return new Read(profile(new Values2(fields), id, attributeValues), List.copyOf(unknownFields));
    }

    private void attribute(String name, String field, Object value, Map<String, String> out) {
        AttributeDeclaration a = attributes.get(name).orElseThrow();
        if (value == null || value instanceof String s && s.isBlank()) {
            out.remove(name);
            return;
        }
        String raw = value instanceof Map || value instanceof List ? null
                : value instanceof Double || value instanceof Float ? plain(((Number) value).doubleValue())
                : String.valueOf(value);
        String canonical = raw == null ? null : a.canonical(raw);
        if (canonical == null) {
            throw new InvalidFieldProblem(field, field + " is a " + a.type().code() + " attribute: it takes "
                    + a.expected() + ", got " + (raw == null ? "a list or object" : Values.quote(raw)));
        }
        out.put(name, canonical);
    }

    /** A JSON number as written ({@code 10000000.5}), not in the exponent form Java prints ({@code 1.00000005E7}). */
    private static String plain(double d) {
        return Double.isFinite(d) ? java.math.BigDecimal.valueOf(d).toPlainString() : String.valueOf(d);
    }

    private static CustomerProfile profile(Values2 v, String pathId, Map<String, String> attributeValues) {
        String id = v.text("id");
        if (id == null) {
            id = pathId;
        } else if (pathId != null && !id.equals(pathId)) {
            throw new InvalidFieldProblem("id", "the id in the body ('" + Values.clip(id, 64) + "') differs from the "
                    + "path");
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidFieldProblem("id", "id must be 1-64 letters, digits or '-_.@', got " + Values.quote(id));
        }
        Integer age = v.integer("age");
        if (age != null && (age < 0 || age > 130)) {
            throw new InvalidFieldProblem("age", "age must be between 0 and 130, got " + age);
        }
        Double churnRisk = v.decimal("churnRisk") == null ? null : v.decimal("churnRisk").doubleValue();
        if (churnRisk != null && (churnRisk < 0 || churnRisk > 1)) {
            throw new InvalidFieldProblem("churnRisk", "churnRisk must be between 0 and 1, got " + churnRisk);
        }
        String stage = v.text("lifecycleStage") == null ? "active" : v.text("lifecycleStage");
        if (!STAGES.contains(stage)) {
            throw new InvalidFieldProblem("lifecycleStage", "lifecycleStage must be one of " + String.join(", ",
                    STAGES.stream().sorted().toList()) + ", got " + Values.quote(stage));
        }
        String level = v.text("engagement") == null ? "unknown" : v.text("engagement");
        if (!ENGAGEMENT.contains(level)) {
            throw new InvalidFieldProblem("engagement", "engagement must be high, medium, low or unknown, got "
                    + Values.quote(level));
        }
        Integer frequency = v.integer("frequency");
        Integer recency = v.integer("recencyDays");
        if (frequency != null && frequency < 0 || recency != null && recency < 0) {
            throw new InvalidFieldProblem(frequency != null && frequency < 0 ? "frequency" : "recencyDays",
                    "frequency and recencyDays cannot be negative");
        }
        String country = v.text("country");
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw new InvalidFieldProblem("country", "country is a two-letter ISO code such as GB, got "
                    + Values.quote(country));
        }
        return new CustomerProfile(id, true, age, v.shortText("gender", 16), country == null ? null
                : country.toUpperCase(Locale.ROOT), v.shortText("region", 64), zone(v.text("timeZone")),
                new LinkedHashSet<>(channels("consents", v.list("consents", 200))), set(v.list("segments", 1000)),
                set(v.list("tags", 1000)), stage, level, recency, frequency == null ? 0 : frequency,
                v.money("monetary"), v.list("topCategories", 1000), v.list("topItems", 1000),
                channels("preferredChannels", v.list("preferredChannels", 200)), v.money("predictedValue"),
                churnRisk == null ? 0 : churnRisk, v.shortText("name", 200), email(v.text("email")),
                phone(v.text("phone")), attributeValues);
    }

    /** The digits of a phone number, what a search by phone compares; null for none. */
    public static String digits(String phone) {
        return phone == null ? null : phone.replaceAll("[^0-9]", "");
    }

    private static String email(String email) {
        if (email == null) {
            return null;
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new InvalidFieldProblem("email", "email must be an address such as ann@example.com, got "
                    + Values.quote(email));
        }
        return email.toLowerCase(Locale.ROOT);
    }

    private static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        int digits = digits(phone).length();
        if (!PHONE.matcher(phone).matches() || digits < 4 || digits > 20) {
            throw new InvalidFieldProblem("phone", "phone must be 4 to 20 digits, with an optional leading + and "
                    + "spaces, dots, dashes or brackets, got " + Values.quote(phone));
        }
        return phone;
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidFieldProblem("timeZone", "timeZone must be an IANA zone such as Europe/London, got "
                    + Values.quote(timeZone));
        }
    }

    private static List<Channel> channels(String field, List<String> codes) {
        List<Channel> out = new ArrayList<>();
        for (String code : codes) {
            out.add(Channel.fromCode(code).orElseThrow(() -> new InvalidFieldProblem(field,
                    "unknown channel " + Values.quote(code) + " in " + field + "; use " + Channel.codes())));
        }
        return out;
    }

    private static Set<String> set(List<String> values) {
        return new LinkedHashSet<>(values);
    }

    /** The fields' values, read as the type each built-in field has. */
    private record Values2(Map<String, ?> fields) {

        String text(String field) {
            Object v = fields.get(field);
            if (v == null || v instanceof String s && s.isEmpty()) {
                return null;
            }
            if (v instanceof Map || v instanceof List) {
                throw new InvalidFieldProblem(field, field + " takes a single value, not a list or object");
            }
            return String.valueOf(v).trim();
        }

        String shortText(String field, int max) {
            String v = text(field);
            if (v != null && (v.length() > max || v.chars().anyMatch(Character::isISOControl))) {
                throw new InvalidFieldProblem(field, field + " is one line of at most " + max + " characters, got "
                        + Values.quote(v));
            }
            return v;
        }

        Integer integer(String field) {
            Object v = fields.get(field);
            if (v instanceof Integer i) {
                return i;
            }
            String t = text(field);
            if (t == null) {
                return null;
            }
            if (!t.matches("-?\\d{1,9}")) {
                throw new InvalidFieldProblem(field, field + " takes a whole number, got " + Values.quote(t));
            }
            return Integer.valueOf(t);
        }

        java.math.BigDecimal decimal(String field) {
            String t = text(field);
            if (t == null) {
                return null;
            }
            if (!t.matches("-?\\d{1,12}(\\.\\d{1,20})?([eE][-+]?\\d{1,3})?")) {
                throw new InvalidFieldProblem(field, field + " takes a number, got " + Values.quote(t));
            }
            return new java.math.BigDecimal(t);
        }

        java.math.BigDecimal money(String field) {
            java.math.BigDecimal d = decimal(field);
            if (d != null && (d.signum() < 0 || d.compareTo(new java.math.BigDecimal("9999999999.99")) > 0)) {
                throw new InvalidFieldProblem(field, field + " must be from 0 to 9999999999.99, got "
                        + d.toPlainString());
            }
            return d == null ? null : d.setScale(2, java.math.RoundingMode.HALF_UP);
        }

        List<String> list(String field, int maxChars) {
            Object v = fields.get(field);
            List<String> out = new ArrayList<>();
            if (v == null) {
                return out;
            }
            if (v instanceof List<?> l) {
                for (Object o : l) {
                    if (o == null || o instanceof Map || o instanceof List) {
                        throw new InvalidFieldProblem(field, field + " is a list of codes such as [\"a\", \"b\"]");
                    }
                    out.add(String.valueOf(o).trim());
                }
            } else if (v instanceof String s) {
                for (String part : s.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            } else {
                throw new InvalidFieldProblem(field, field + " is a list of codes such as [\"a\", \"b\"]");
            }
            for (String code : out) {
                if (code.isEmpty() || code.contains(",") || code.chars().anyMatch(Character::isISOControl)) {
                    throw new InvalidFieldProblem(field, field + " holds codes without commas or line breaks, got "
                            + Values.quote(code));
                }
            }
            if (String.join(",", out).length() > maxChars) {
                throw new InvalidFieldProblem(field, field + " holds at most " + maxChars + " characters together");
            }
            return List.copyOf(new LinkedHashSet<>(out));
        }
    }

    /** Lower-cased, trimmed keys are not accepted: field names are exact. (Kept for readers of CSV headers.) */
    public static Map<String, String> row(List<String> header, List<String> cells) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            out.put(header.get(i), i < cells.size() ? cells.get(i) : "");
        }
        return out;
    }
}
