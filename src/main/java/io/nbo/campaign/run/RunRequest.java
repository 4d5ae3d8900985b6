package io.nbo.campaign.run;

import java.time.LocalDate;
import java.util.List;

/**
 * A run as a marketer asks for it, before it is checked ({@link CampaignRuns#start}).
 *
 * @param audience  exactly one of: a segment name, a list of customer ids, or everyone
 * @param channels  outbound channels to send on (email, sms, push, social)
 * @param sendDate  the day the sends go out, in each customer's own time zone; today or later
 * @param offers    the offers in scope; empty or missing = every live offer that goes by one of the channels
 * @param maxOffers how many offers one customer gets at most in this run (default 1)
 * @param dryRun    plan only: a send list and summary, but nothing is logged, claimed or counted
 */
public record RunRequest(AudienceRequest audience, List<String> channels, LocalDate sendDate, List<String> offers,
                         Integer maxOffers, Boolean dryRun) {

    /** Who: {@code {"segment": "coffee-lovers"}}, {@code {"customerIds": [...]}} or {@code {"all": true}}. */
    public record AudienceRequest(String segment, List<String> customerIds, Boolean all) {
    }
}
