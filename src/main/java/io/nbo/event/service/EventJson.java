package io.nbo.event.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbo.event.core.CustomerEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stored form of a checked event: JSON in the API's own field names (read back by the events endpoint). */
final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    static String write(CustomerEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eventId", e.eventId());
        out.put("customerId", e.customerId());
        out.put("type", e.type().code());
        out.put("occurredAt", e.occurredAt().toString());
        if (e.channel() != null) {
            out.put("channel", e.channel().code());
        }
        if (e.amount() != null) {
            out.put("amount", e.amount());
        }
        if (!e.items().isEmpty()) {
            List<Map<String, Object>> items = e.items().stream().map(i -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("item", i.item());
                if (i.category() != null) {
                    item.put("category", i.category());
                }
                item.put("quantity", i.quantity());
                item.put("price", i.price());
                return item;
            }).toList();
            out.put("items", items);
        }
        if (e.granted() != null) {
            out.put("granted", e.granted());
        }
        if (!e.attributes().isEmpty()) {
            out.put("attributes", new java.util.TreeMap<>(e.attributes()));
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write an event as JSON", ex);
        }
    }

    /** A stored purchase's lines as completion terms read them (category, quantity x price). */
    static List<io.nbo.offer.completion.CompletionTerms.Line> lines(String body) {
        Object items = read(body).get("items");
        if (!(items instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(o -> (Map<?, ?>) o).map(i -> new io.nbo.offer.completion.CompletionTerms.Line(
                (String) i.get("category"), new java.math.BigDecimal(String.valueOf(i.get("price")))
                .multiply(java.math.BigDecimal.valueOf(((Number) i.get("quantity")).longValue())))).toList();
    }

    static Map<String, Object> read(String body) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(body, Map.class);
            return map;
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a stored event is not JSON", ex);
        }
    }
}
