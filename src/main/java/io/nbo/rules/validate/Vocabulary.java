package io.nbo.rules.validate;

import io.nbo.offer.Channel;
import io.nbo.rules.vocabulary.Context;
import io.nbo.rules.vocabulary.Customer;
import io.nbo.rules.vocabulary.Offers;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fact vocabulary, read from the classes in {@code io.nbo.rules.vocabulary}: what a table may test (the
 * properties and question methods of Customer and Context) and what it may do (the methods of the {@code offers}
 * global). Anything else in a table's code is refused, so a table can only speak this vocabulary. Some values have a
 * known domain (channels, offer ids, lifecycle stages), so a cell can be checked before compile.
 */
public final class Vocabulary {

    /** The only classes a table may import, and the only global it may declare. */
    public static final Set<String> IMPORTS = Set.of(Customer.class.getName(), Context.class.getName(),
            Offers.class.getName());
    public static final String VARIABLES = Offers.class.getName() + " offers";

    /**
     * What a value must be. The last seven are text whose values the customers hold: any text goes live, but a value
     * no customer has is warned about ({@link ValueLinter}).
     */
    public enum Domain {
        NUMBER, WHOLE_NUMBER, BOOLEAN, TEXT, CHANNEL, OFFER, ENGAGEMENT, LIFECYCLE, DAY, TIME, DURATION, EVENT,
        /** The name of a declared attribute of the type the question reads ({@link #ATTRIBUTE_QUESTIONS}). */
        ATTRIBUTE_NUMBER, ATTRIBUTE_TEXT, ATTRIBUTE_YES_NO, ATTRIBUTE_DATE, ATTRIBUTE_ANY,
        GENDER, COUNTRY, REGION, SEGMENT, TAG, CATEGORY, ITEM;

        /** True for the domains whose values come from the customers (checked with warnings, never errors). */
        public boolean customerValue() {
            return ordinal() >= GENDER.ordinal();
        }
    }

    /**
     * The genders customer profiles use (docs/decision-tables.md): a closed list, extended by whatever values the
     * customer base really holds, so a table never tests a gender no profile can have.
     */
    public static final Set<String> GENDERS = Set.of("female", "male", "unspecified");

    private static final Map<String, Set<String>> ENUMS = Map.of(
            "ENGAGEMENT", Set.of("high", "medium", "low", "unknown"),
            "LIFECYCLE", Set.of("prospect", "new", "active", "lapsing", "lapsed", "won-back"),
            "DAY", Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"));

    /** Properties and methods whose text values have a domain beyond "any text". */
    private static final Map<String, Domain> TEXT_DOMAINS = Map.ofEntries(
            Map.entry("Context.touchpoint", Domain.CHANNEL), Map.entry("Customer.consentsTo#0", Domain.CHANNEL),
            Map.entry("Customer.engagement", Domain.ENGAGEMENT), Map.entry("Customer.lifecycle", Domain.LIFECYCLE),
            Map.entry("Context.dayOfWeek", Domain.DAY), Map.entry("Context.timeBetween#0", Domain.TIME),
            Map.entry("Context.timeBetween#1", Domain.TIME), Map.entry("offers.eligible#0", Domain.OFFER),
            Map.entry("offers.exclude#0", Domain.OFFER), Map.entry("offers.weight#0", Domain.OFFER),
            Map.entry("offers.preferChannel#0", Domain.OFFER), Map.entry("offers.preferChannel#1", Domain.CHANNEL),
            Map.entry("Customer.gender", Domain.GENDER), Map.entry("Customer.country", Domain.COUNTRY),
            Map.entry("Customer.region", Domain.REGION), Map.entry("Customer.inSegment#0", Domain.SEGMENT),
            Map.entry("Customer.hasTag#0", Domain.TAG), Map.entry("Customer.likesCategory#0", Domain.CATEGORY),
            Map.entry("Customer.buysMost#0", Domain.ITEM), Map.entry("Customer.number#0", Domain.ATTRIBUTE_NUMBER),
            Map.entry("Customer.text#0", Domain.ATTRIBUTE_TEXT), Map.entry("Customer.yesNo#0", Domain.ATTRIBUTE_YES_NO),
            Map.entry("Customer.daysSince#0", Domain.ATTRIBUTE_DATE), Map.entry("Customer.unknown#0",
                    Domain.ATTRIBUTE_ANY), Map.entry("offers.segment#0", Domain.SEGMENT),
            Map.entry("offers.trigger#0", Domain.OFFER), Map.entry("offers.trigger#1", Domain.CHANNEL),
            Map.entry("offers.trigger#2", Domain.DURATION), Map.entry("offers.trigger#3", Domain.DURATION),
            Map.entry("Context.event", Domain.EVENT));

    /**
     * The Customer questions that read an attribute by its name, with the declared types each reads (none listed:
     * {@code unknown} reads any declared attribute and the built-ins that may be unknown). The name is always checked
     * against the declarations: it never reaches Drools as free text.
     */
    public static final Map<String, Set<String>> ATTRIBUTE_QUESTIONS = Map.of("number", Set.of("number"),
            "text", Set.of("text", "choice"), "yesNo", Set.of("yes-no"), "daysSince", Set.of("date"),
            "unknown", Set.of());
    private static final Map<String, String> QUESTION_OF_TYPE = Map.of("number", "number", "text", "text", "choice",
            "text", "yes-no", "yesNo", "date", "daysSince");

    private static final Set<String> NOT_ACTIONS = Set.of("firing", "verdicts", "segments", "fired", "result",
            "segmentAssignments", "triggers");

    /** The event types of {@code POST /api/events} (io.nbo.event.core.EventType), as trigger tables name them. */
    public static final List<String> EVENT_TYPES = List.of("purchase", "page-view", "product-view",
            "cart-abandoned", "search", "service-contact", "opened", "clicked", "unsubscribed", "consent-changed");

    private final Map<String, Fact> facts = new LinkedHashMap<>();
    private final Map<String, List<Class<?>>> actions = new TreeMap<>();

    public Vocabulary() {
        facts.put("Customer", fact(Customer.class));
        facts.put("Context", fact(Context.class));
        for (Method m : Offers.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !NOT_ACTIONS.contains(m.getName())) {
                actions.put(m.getName(), List.of(m.getParameterTypes()));
            }
        }
    }

    /** The fact type named in a CONDITION column's object cell (Customer or its full class name), if any. */
    public Optional<Fact> fact(String objectType) {
        String simple = objectType.startsWith("io.nbo.rules.vocabulary.")
                ? objectType.substring("io.nbo.rules.vocabulary.".length()) : objectType;
        return Optional.ofNullable(facts.get(simple));
    }

    public Set<String> factNames() {
        return facts.keySet();
    }

    /** Parameter types of an {@code offers.<name>(...)} action, if it is one. */
    public Optional<List<Class<?>>> action(String name) {
        return Optional.ofNullable(actions.get(name));
    }

    public Set<String> actionNames() {
        return actions.keySet();
    }

    /** The domain of a text value compared with a property or passed to a method (key "Fact.member" or "#arg"). */
    public static Domain textDomain(String key) {
        return TEXT_DOMAINS.getOrDefault(key, Domain.TEXT);
    }

    /** The domain of a Java type used bare in a template. */
    public static Domain domainOf(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return Domain.BOOLEAN;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return Domain.WHOLE_NUMBER;
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return Domain.NUMBER;
        }
        return Domain.TEXT;
    }

    /** Null when the value belongs to the domain, else what is wrong; no attribute is declared. */
    public static String check(Domain domain, String value, Set<String> offerIds) {
        return check(domain, value, offerIds, Map.of());
    }

    /**
     * Null when the value belongs to the domain, else what is wrong in plain words.
     *
     * @param attributes the declared custom attributes, name to type code
     */
    public static String check(Domain domain, String value, Set<String> offerIds, Map<String, String> attributes) {
        String v = value.trim();
        return switch (domain) {
            case ATTRIBUTE_NUMBER -> attributeProblem("number", v, attributes);
            case ATTRIBUTE_TEXT -> attributeProblem("text", v, attributes);
            case ATTRIBUTE_YES_NO -> attributeProblem("yesNo", v, attributes);
            case ATTRIBUTE_DATE -> attributeProblem("daysSince", v, attributes);
            case ATTRIBUTE_ANY -> attributeProblem("unknown", v, attributes);
            case NUMBER -> v.matches("-?\\d+(\\.\\d+)?") ? null : "expects a number, got '" + v + "'";
            case WHOLE_NUMBER -> v.matches("-?\\d+") ? null : "expects a whole number, got '" + v + "'";
            case BOOLEAN -> v.equals("true") || v.equals("false") ? null : "expects true or false, got '" + v + "'";
            case CHANNEL -> Channel.fromCode(v).filter(c -> c.code().equals(v)).isPresent() ? null
                    : "unknown channel '" + v + "'; use one of " + Channel.codes();
            case OFFER -> offerIds == null || offerIds.contains(v) ? null
                    : "unknown offer id '" + v + "'; it is not in the offer catalogue";
            case ENGAGEMENT, LIFECYCLE, DAY -> ENUMS.get(domain.name()).contains(v) ? null
                    : "unknown " + domain.name().toLowerCase(Locale.ROOT) + " '" + v + "'; use one of "
                    + String.join(", ", ENUMS.get(domain.name()).stream().sorted().toList());
            case TIME -> v.matches("([01]\\d|2[0-3]):[0-5]\\d") ? null : "expects a time as HH:mm, got '" + v + "'";
            case DURATION -> v.matches("\\d{1,4}[mhd]") ? null
                    : "expects a duration as a number and m, h or d (0m, 90m, 1h, 7d), got '" + v + "'";
            case EVENT -> EVENT_TYPES.contains(v) ? null
                    : "unknown event type '" + v + "'; use one of " + String.join(", ", EVENT_TYPES);
            case TEXT, GENDER, COUNTRY, REGION, SEGMENT, TAG, CATEGORY, ITEM -> null;
        };
    }

    /**
     * Null when {@code question("name")} may read the attribute {@code name}, else why not: an attribute nobody
     * declared, or one of another type (naming the question that reads it).
     */
    public static String attributeProblem(String question, String name, Map<String, String> attributes) {
        Set<String> types = ATTRIBUTE_QUESTIONS.get(question);
        if (question.equals("unknown") && Customer.MAY_BE_UNKNOWN.contains(name)) {
            return null;
        }
        String type = attributes.get(name);
        if (type == null) {
            String declared = attributes.isEmpty() ? "none is declared (admins declare them: POST /api/attributes)"
                    : "declared: " + String.join(", ", new TreeMap<>(attributes).entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
            return "unknown attribute '" + io.nbo.common.error.Values.clip(name, 60) + "' in " + question + "(...); "
                    + (question.equals("unknown") ? "it asks about " + String.join(", ", Customer.MAY_BE_UNKNOWN
                    .stream().sorted().toList()) + " or a declared attribute; " : "") + declared;
        }
        if (!types.isEmpty() && !types.contains(type)) {
            return "'" + name + "' is a " + type + " attribute, which " + question + "(...) does not read; use "
                    + QUESTION_OF_TYPE.get(type) + "(\"" + name + "\")";
        }
        return null;
    }

    private static Fact fact(Class<?> type) {
        Map<String, Class<?>> properties = new TreeMap<>();
        Map<String, List<Class<?>>> methods = new TreeMap<>();
        for (Method m : type.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())
                    || m.getName().equals("toString")) {
                continue;
            }
            String name = m.getName();
            if (m.getParameterCount() == 0 && name.startsWith("get") && name.length() > 3) {
                properties.put(Character.toLowerCase(name.charAt(3)) + name.substring(4), m.getReturnType());
            } else if (m.getParameterCount() == 0 && name.startsWith("is") && name.length() > 2) {
                properties.put(Character.toLowerCase(name.charAt(2)) + name.substring(3), m.getReturnType());
            } else {
                methods.put(name, Arrays.asList(m.getParameterTypes()));
            }
        }
        return new Fact(type.getSimpleName(), properties, methods);
    }

    /** A fact type a CONDITION may test: its properties (name to type) and its question methods. */
    public record Fact(String name, Map<String, Class<?>> properties, Map<String, List<Class<?>>> methods) {
    }
}
