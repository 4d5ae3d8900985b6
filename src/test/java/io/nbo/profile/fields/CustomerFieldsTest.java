package io.nbo.profile.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.profile.attribute.AttributeDeclaration;
import io.nbo.profile.attribute.AttributeType;
import io.nbo.profile.attribute.Attributes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One reader of a customer's fields: values canonical by type, JSON numbers and CSV text alike, unknown fields named. */
class CustomerFieldsTest {

    private static final Attributes DECLARED = new Attributes(Map.of(
            "income", declared("income", AttributeType.NUMBER, List.of()),
            "tier", declared("tier", AttributeType.CHOICE, List.of("silver", "gold")),
            "vip", declared("vip", AttributeType.YES_NO, List.of())));

    @Test
    void jsonNumbersAndCsvTextGiveTheSameCanonicalValues() {
        CustomerFields fields = new CustomerFields(DECLARED, CustomerFields.Unknown.REFUSE);
        Map<String, Object> json = new LinkedHashMap<>(Map.of("id", "C1", "income", 12500000.5, "vip", true,
                "attributes", Map.of("tier", "gold")));
        Map<String, Object> csv = new LinkedHashMap<>(Map.of("id", "C1", "income", "12500000.50", "vip", "yes",
                "tier", "gold", "consents", "email,sms"));

        assertThat(fields.read(json, null).profile().attributes()).isEqualTo(Map.of("income", "12500000.5", "vip",
                "true", "tier", "gold"));
        assertThat(fields.read(csv, null).profile().attributes()).isEqualTo(Map.of("income", "12500000.5", "vip",
                "true", "tier", "gold"));
    }

    @Test
    void unknownFieldsAreRefusedOrLeftOutAndReported() {
        Map<String, Object> row = Map.of("id", "C1", "incme", "1", "attributes", Map.of("shoe", 4));

        InvalidFieldProblem refused = catchThrowableOfType(() -> new CustomerFields(DECLARED,
                CustomerFields.Unknown.REFUSE).read(row, null), InvalidFieldProblem.class);
        CustomerFields.Read warned = new CustomerFields(DECLARED, CustomerFields.Unknown.WARN).read(row, null);

        assertThat(refused.field()).isIn("incme,attributes.shoe", "attributes.shoe,incme");
        assertThat(warned.unknownFields()).containsExactlyInAnyOrder("incme", "attributes.shoe");
        assertThat(warned.profile().attributes()).isEmpty();
    }

    private static AttributeDeclaration declared(String name, AttributeType type, List<String> allowed) {
        Instant at = Instant.parse("2026-11-23T00:00:00Z");
        return new AttributeDeclaration(name, type, name, null, allowed, 1, at, "admin", at, "admin");
    }
}
