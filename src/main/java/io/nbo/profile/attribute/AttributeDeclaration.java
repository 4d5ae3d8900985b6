package io.nbo.profile.attribute;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A custom customer attribute an admin declared: its name (what imports, the API and tables use), type, label, and
 * for a CHOICE the values it may take. {@code version} counts its changes (1 when declared).
 */
public record AttributeDeclaration(String name, AttributeType type, String label, String description,
                                   List<String> allowed, int version, Instant createdAt, String createdBy,
                                   Instant updatedAt, String updatedBy) {

    public AttributeDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** The canonical text of a value, or null when it does not fit this attribute. */
    public String canonical(String raw) {
        return type.canonical(raw.trim(), allowed);
    }

    /** What a value must be, in words: the type's, with the declared values of a CHOICE. */
    public String expected() {
        return type == AttributeType.CHOICE ? "one of " + String.join(", ", allowed) : type.expected();
    }
}
