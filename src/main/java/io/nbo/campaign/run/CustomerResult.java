package io.nbo.campaign.run;

import io.nbo.contact.LoggedDecision;
import io.nbo.offer.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a run decided for one customer: the decision as the log keeps it (real-time's shape: offers with channel and
 * rank, the experiment arms applied) and, per offer, when it goes out and what it is expected to be worth.
 *
 * @param decision the decision to log; null in a dry run, or when the customer gets nothing and is in no experiment
 * @param sends    the send-list rows, one per offer made
 */
public record CustomerResult(String customerId, LoggedDecision decision, List<Send> sends) {

    public CustomerResult {
        sends = List.copyOf(sends);
    }

    /** One send: the offer, its channel, when (an instant; in the customer's zone it is inside the allowed hours). */
    public record Send(String offerId, Channel channel, Instant sendAt, ZoneId zone, double expectedValue) {
    }
}
