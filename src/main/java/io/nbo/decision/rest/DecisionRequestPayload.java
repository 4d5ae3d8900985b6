package io.nbo.decision.rest;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request for the next best offers. */
@Schema(name = "DecisionRequest", description = "Who is asking, where, and in what context")
public record DecisionRequestPayload(
        @Schema(required = true, examples = "C0000042", description = "The customer id; unknown ids are answered as anonymous visitors")
        String customerId,
        @Schema(required = true, examples = "mobile-app", enumeration = {"web", "mobile-app", "email", "sms", "push",
                "call-centre", "social", "in-store"}) String touchpoint,
        @Schema(examples = "{\"page\": \"home\", \"device\": \"ios\", \"localTime\": \"08:15\"}",
                description = "Free context the tables may test: page, intent, device, ...; 'localTime' (HH:mm) gives "
                        + "the customer's local time, otherwise the server's clock in the customer's time zone is used")
        Map<String, String> context,
        @Schema(examples = "3", description = "How many offers at most (default 3)") Integer limit,
        @Schema(examples = "false", description = "Explain every offer of the catalogue that was not chosen (false by "
                + "default: notChosen then lists the eligible offers that the contact policy, channel or arbitration "
                + "dropped, which keeps answers small on a large catalogue)") Boolean explain,
        @Schema(examples = "false", description = "A preview: explained in full, but not logged as a contact, so it "
                + "uses up no caps, rests or stock and teaches learning nothing; the answer says dryRun: true. "
                + "Marketers may ask for dry runs only") Boolean dryRun) {

    /** A request that is not a dry run. */
    public DecisionRequestPayload(String customerId, String touchpoint, Map<String, String> context, Integer limit,
                                  Boolean explain) {
        this(customerId, touchpoint, context, limit, explain, null);
    }
}
