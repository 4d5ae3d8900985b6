package io.nbo.profile.service;

import io.nbo.cluster.service.ClusterChanges;
import io.nbo.common.error.ConflictProblem;
import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.common.error.Values;
import io.nbo.profile.attribute.AttributeDeclaration;
import io.nbo.profile.attribute.AttributeType;
import io.nbo.profile.attribute.Attributes;
import io.nbo.profile.fields.CustomerFields;
import io.nbo.profile.persistence.AttributeStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Declares and changes custom attributes, and serves the declared ones as one immutable snapshot. A name, once
 * declared, keeps its type and the values it allowed (stored values and live tables depend on them); its label and
 * description may change and a choice may gain values. The snapshot is re-read after every change here and at most
 * {@link #MAX_AGE} old otherwise; another node's declaration arrives with its cluster notice ({@link ClusterChanges}),
 * or within {@link #MAX_AGE} should the notice be missed.
 */
@ApplicationScoped
public class AttributeService {

    private static final Logger LOG = Logger.getLogger(AttributeService.class);
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    static final String TOPIC = "attributes";
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern CHOICE_VALUE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,59}");

    private final AttributeStore store;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private final ClusterChanges cluster;

    public AttributeService(AttributeStore store, Clock clock, ClusterChanges cluster) {
        this.store = store;
        this.clock = clock;
        this.cluster = cluster;
    }

    /** A declaration made on another node is read here when its notice arrives (or at the resync, or after MAX_AGE). */
    void onStart(@Observes StartupEvent event) {
        cluster.subscribe(TOPIC, this::reload);
    }

    /** What an admin sends to declare or change an attribute. */
    public record Draft(String name, String type, String label, String description, List<String> values) {
    }

    private record Snapshot(Attributes attributes, Instant readAt) {
    }

    /** The declared attributes, re-read when the last read is older than {@link #MAX_AGE}. */
    public Attributes current() {
        Snapshot s = snapshot;
        if (s == null || s.readAt().plus(MAX_AGE).isBefore(clock.instant())) {
            try {
                return reload();
            } catch (RuntimeException e) {
                if (s == null) {
                    throw e;
                }
                LOG.warnf("re-reading the attribute declarations failed, keeping the last read: %s", e.getMessage());
                return s.attributes();
            }
        }
        return s.attributes();
    }

    public AttributeDeclaration get(String name) {
        return current().get(name).orElseThrow(() -> new NotFoundProblem("No attribute named " + Values.quote(name)
                + "; declared: " + current().describe()));
    }

    public List<AttributeDeclaration> versions(String name) {
        get(name);
        return store.versions(name);
    }

    public AttributeDeclaration declare(Draft draft, String by) {
        if (draft == null) {
            throw new InvalidFieldProblem("body", "send the attribute as JSON: {\"name\": \"income\", \"type\": "
                    + "\"number\", \"label\": \"Yearly income\"}");
        }
        String name = name(draft.name());
        AttributeType type = AttributeType.fromCode(draft.type()).orElseThrow(() -> new InvalidFieldProblem("type",
                "type must be one of " + String.join(", ", AttributeType.codes()) + ", got " + Values.quote(draft.type())));
        List<String> allowed = allowed(type, draft.values());
        Instant now = clock.instant();
        AttributeDeclaration a = new AttributeDeclaration(name, type, label(draft.label(), name),
                description(draft.description()), allowed, 1, now, by, now, by);
        if (!store.write(a)) {
            throw new ConflictProblem("An attribute named '" + name + "' is already declared; change it with PUT "
                    + "/api/attributes/" + name);
        }
        reload();
        cluster.publish(TOPIC, name + " v1");
        return a;
    }

    public AttributeDeclaration change(String name, Draft draft, String by) {
        AttributeDeclaration now = reload().get(name).orElseThrow(() -> new NotFoundProblem(
                "No attribute named " + Values.quote(name) + "; declare it with POST /api/attributes"));
        if (draft == null) {
            throw new InvalidFieldProblem("body", "send the attribute's label, description or values as JSON");
        }
        if (draft.name() != null && !draft.name().equals(name)) {
            throw new InvalidFieldProblem("name", "an attribute cannot be renamed (stored values and tables use its "
                    + "name); declare a new one");
        }
        if (draft.type() != null && !draft.type().equals(now.type().code())) {
            throw new ConflictProblem("'" + name + "' is a " + now.type().code() + " attribute and stays one: stored "
                    + "values and decision tables rely on its type; declare a new attribute for " + Values.quote(
                    draft.type()) + " values");
        }
        List<String> allowed = now.type() == AttributeType.CHOICE && draft.values() != null
                ? allowed(now.type(), draft.values()) : now.allowed();
        List<String> removed = new ArrayList<>(now.allowed());
        removed.removeAll(allowed);
        if (!removed.isEmpty()) {
            throw new ConflictProblem("'" + name + "' cannot lose the value(s) " + String.join(", ", removed)
                    + ": customers and tables may hold them; a choice may only gain values");
        }
        AttributeDeclaration next = new AttributeDeclaration(name, now.type(),
                draft.label() == null ? now.label() : label(draft.label(), name),
                draft.description() == null ? now.description() : description(draft.description()), allowed,
                now.version() + 1, now.createdAt(), now.createdBy(), clock.instant(), by);
        if (!store.write(next)) {
            throw new ConflictProblem("'" + name + "' was changed by someone else meanwhile; read it again and retry");
        }
        reload();
        cluster.publish(TOPIC, name + " v" + next.version());
        return next;
    }

    private Attributes reload() {
        Map<String, AttributeDeclaration> byName = new HashMap<>();
        store.all().forEach(a -> byName.put(a.name(), a));
        Attributes attributes = new Attributes(byName);
        snapshot = new Snapshot(attributes, clock.instant());
        return attributes;
    }

    private static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidFieldProblem("name", "name must be 1-40 lower-case letters, digits or '_', starting with "
                    + "a letter (income, membership_date), got " + Values.quote(name));
        }
        if (CustomerFields.BUILT_IN.contains(name)) {
            throw new InvalidFieldProblem("name", "'" + name + "' is a built-in customer field; choose another name");
        }
        return name;
    }

    private static List<String> allowed(AttributeType type, List<String> values) {
        if (type != AttributeType.CHOICE) {
            if (values != null && !values.isEmpty()) {
                throw new InvalidFieldProblem("values", "only a choice attribute lists values; a " + type.code()
                        + " attribute takes " + type.expected());
            }
            return List.of();
        }
        if (values == null || values.isEmpty() || values.size() > 100) {
            throw new InvalidFieldProblem("values", "a choice attribute lists the 1 to 100 values it may take, e.g. "
                    + "[\"bronze\", \"silver\", \"gold\"]");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || !CHOICE_VALUE.matcher(v).matches()) {
                throw new InvalidFieldProblem("values", "each value is 1-60 letters, digits, spaces or '_.-', "
                        + "starting with a letter or digit, got " + Values.quote(v));
            }
            if (!out.add(v)) {
                throw new InvalidFieldProblem("values", "the value '" + v + "' is listed twice");
            }
        }
        return List.copyOf(out);
    }

    private static String label(String label, String name) {
        if (label == null || label.isBlank()) {
            return name;
        }
        if (label.length() > 200 || label.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldProblem("label", "label is one line of at most 200 characters");
        }
        return label.trim();
    }

    private static String description(String description) {
        if (description != null && description.length() > 2000) {
            throw new InvalidFieldProblem("description", "description is at most 2,000 characters, got "
                    + description.length());
        }
        return description;
    }
}
