package io.nbo.offer;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an offer can reach a customer. Outbound channels need the customer's marketing consent; inbound channels are
 * touchpoints the customer is already on.
 */
public enum Channel {
    EMAIL("email", true),
    SMS("sms", true),
    PUSH("push", true),
    SOCIAL("social", true),
    WEB("web", false),
    MOBILE_APP("mobile-app", false),
    CALL_CENTRE("call-centre", false),
    IN_STORE("in-store", false);

    private final String code;
    private final boolean outbound;

    Channel(String code, boolean outbound) {
        this.code = code;
        this.outbound = outbound;
    }

    /** The code used in the API and in decision tables, e.g. {@code mobile-app}. */
    public String code() {
        return code;
    }

    /** True when contacting the customer here needs their consent (email, SMS, push, social). */
    public boolean outbound() {
        return outbound;
    }

    public static Optional<Channel> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase().replace('_', '-');
        return Arrays.stream(values()).filter(c -> c.code.equals(wanted)).findFirst();
    }

    /** All codes, comma separated, for error messages. */
    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Channel::code).toList());
    }
}
