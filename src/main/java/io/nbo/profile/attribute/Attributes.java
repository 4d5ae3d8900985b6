package io.nbo.profile.attribute;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The declared custom attributes at one moment: an immutable snapshot, by name. */
public record Attributes(Map<String, AttributeDeclaration> byName) {

    public static final Attributes NONE = new Attributes(Map.of());

    public Attributes {
        byName = java.util.Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    public Optional<AttributeDeclaration> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<AttributeDeclaration> all() {
        return byName.values();
    }

    /** The names and types, for messages: {@code income (number), store (text)}. */
    public String describe() {
        if (byName.isEmpty()) {
            return "none are declared (an admin declares them with POST /api/attributes)";
        }
        return String.join(", ", byName.values().stream().map(a -> a.name() + " (" + a.type().code() + ")").toList());
    }

    /** Name to type code, what the rule checks need. */
    public Map<String, String> types() {
        Map<String, String> out = new TreeMap<>();
        byName.values().forEach(a -> out.put(a.name(), a.type().code()));
        return out;
    }
}
