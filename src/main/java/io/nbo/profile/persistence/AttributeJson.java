package io.nbo.profile.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** The {@code customer.attributes} column: one JSON object of canonical text values, keys sorted (stable bytes). */
public final class AttributeJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };

    private AttributeJson() {
    }

    public static String write(Map<String, String> values) {
        try {
            return values.isEmpty() ? "{}" : JSON.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attribute values cannot be written as JSON", e);
        }
    }

    public static Map<String, String> read(String column) {
        if (column == null || column.isBlank() || column.equals("{}")) {
            return Map.of();
        }
        try {
            return JSON.readValue(column, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a customer's stored attributes are not a JSON object of text values", e);
        }
    }
}
