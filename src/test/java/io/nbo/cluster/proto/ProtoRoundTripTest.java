package io.nbo.cluster.proto;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.decision.core.policy.ContactEvent;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.decision.core.policy.ContactHistory;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.infinispan.protostream.ProtobufUtil;
import org.infinispan.protostream.SerializationContext;
import org.junit.jupiter.api.Test;

/**
 * The records the clustered caches share come back from their ProtoStream bytes equal to what was written, every
 * component included; the contact history's conditional replace (atomic appends across nodes) relies on that equality.
 */
class ProtoRoundTripTest {

    private final SerializationContext context = context();

    @Test
    void aProfileWithEveryComponentSetComesBackEqual() throws IOException {
        CustomerProfile profile = new CustomerProfile("C-1", true, 41, "f", "DE", "Bayern",
                ZoneId.of("Europe/Berlin"), Set.of(Channel.EMAIL, Channel.SMS), Set.of("gold", "family"),
                Set.of("vip"), "active", "high", 12, 7, new BigDecimal("1234.50"), List.of("coffee", "tea"),
                List.of("espresso-beans"), List.of(Channel.MOBILE_APP, Channel.EMAIL), new BigDecimal("880.125"),
                0.375).withIdentity("Ada Lovelace", "ada@example.org", "+44 20 7946 0000",
                        Map.of("income", "52000.5", "membership_date", "2019-03-01", "tier", "gold = top"));

        CustomerProfile back = roundTrip(profile);

        assertThat(back).isEqualTo(profile);
        assertThat(back.monetary().scale()).isEqualTo(2);
        assertThat(back.preferredChannels()).containsExactly(Channel.MOBILE_APP, Channel.EMAIL);
        assertThat(back.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("income", "52000.5",
                "membership_date", "2019-03-01", "tier", "gold = top"));
    }

    @Test
    void anAnonymousProfileKeepsItsUnknownsAsNulls() throws IOException {
        CustomerProfile anonymous = CustomerProfile.anonymous("V-9", ZoneId.of("America/New_York"));

        CustomerProfile back = roundTrip(anonymous);

        assertThat(back).isEqualTo(anonymous);
        assertThat(back.age()).isNull();
        assertThat(back.recencyDays()).isNull();
        assertThat(back.gender()).isNull();
    }

    @Test
    void aContactHistoryComesBackEqualToTheNanosecond() throws IOException {
        ContactHistory history = new ContactHistory("C-1", List.of(
                new ContactEvent("D-1", "O-1", "coffee", Channel.EMAIL, ContactEventType.OFFERED,
                        Instant.parse("2026-11-20T10:15:30.123456789Z"), null),
                new ContactEvent("D-1", "O-1", null, Channel.EMAIL, ContactEventType.PURCHASED,
                        Instant.parse("2026-11-21T08:00:00Z"), new BigDecimal("19.90"))));

        ContactHistory back = roundTrip(history);

        assertThat(back).isEqualTo(history);
        assertThat(back.events().get(1).value()).isEqualByComparingTo("19.90").hasToString("19.90");
        assertThat(roundTrip(ContactHistory.empty("C-2"))).isEqualTo(ContactHistory.empty("C-2"));
    }

    @Test
    void everyComponentOfACachedRecordHasAFieldInTheSchema() {
        String schema = new CacheSchema().getProtoFile();
        for (Class<? extends Record> record : List.of(CustomerProfile.class, ContactHistory.class)) {
            Set<String> fields = fields(schema, record.getSimpleName());
            Set<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            assertThat(fields).as("fields of message %s in %s", record.getSimpleName(), CacheSchema.FILE)
                    .containsAll(components);
        }
        Set<String> event = fields(schema, "ContactEvent");
        assertThat(event).contains("decisionId", "offerId", "offerGroup", "channel", "type", "value");
    }

    private static Set<String> fields(String schema, String message) {
        Matcher body = Pattern.compile("message " + message + " \\{([^}]*)}").matcher(schema);
        assertThat(body.find()).as("message %s in the schema", message).isTrue();
        Matcher field = Pattern.compile("(?:optional|repeated) \\w+ (\\w+) = \\d+;").matcher(body.group(1));
        Set<String> names = new java.util.HashSet<>();
        while (field.find()) {
            names.add(field.group(1));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private <T> T roundTrip(T value) throws IOException {
        byte[] bytes = ProtobufUtil.toWrappedByteArray(context, value);
        return (T) ProtobufUtil.fromWrappedByteArray(context, bytes);
    }

    private static SerializationContext context() {
        SerializationContext context = ProtobufUtil.newSerializationContext();
        CacheSchema schema = new CacheSchema();
        schema.registerSchema(context);
        schema.registerMarshallers(context);
        return context;
    }
}
