package io.nbo.contact.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.nbo.contact.LoggedDecision;
import io.nbo.contact.RecordedOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How decisions and outcomes are kept in the journal and the dead-letter file: JSON of the records themselves, so a
 * field added to {@link LoggedDecision} is journaled without a change here, and an older record (without it) still
 * reads back (the new field is null). The mapper is our own, independent of how the API writes JSON.
 */
public final class ContactRecords {

    public static final byte DECISION = 'D';
    public static final byte OUTCOME = 'O';

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private ContactRecords() {
    }

    public static byte[] decision(LoggedDecision decision) {
        return bytes(decision);
    }

    /** An outcome as journaled: with the offer's group, which the contact history needs and the row does not hold. */
    public record OutcomeRecord(RecordedOutcome outcome, String offerGroup) {
    }

    public static byte[] outcome(RecordedOutcome outcome, String offerGroup) {
        return bytes(new OutcomeRecord(outcome, offerGroup));
    }

    public static LoggedDecision readDecision(byte[] payload) {
        return read(payload, LoggedDecision.class);
    }

    public static OutcomeRecord readOutcome(byte[] payload) {
        return read(payload, OutcomeRecord.class);
    }

    /** One JSON text of any value (the dead-letter file's lines). */
    static String text(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot journal " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(byte[] payload, Class<T> type) {
        try {
            return JSON.readValue(payload, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a journal record is not a readable " + type.getSimpleName(), e);
        }
    }
}
