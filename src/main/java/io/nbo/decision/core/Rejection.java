package io.nbo.decision.core;

/**
 * Why a candidate offer was not chosen: a value the caller sees, never an exception.
 *
 * @param stage  the stage that dropped it
 * @param rule   the rule, policy or limit that applied (a table row name, "limit", ...), or null
 * @param reason a sentence a marketer can read, with the numbers that decided
 */
public record Rejection(String offerId, Stage stage, String rule, String reason) {

    public enum Stage { CANDIDATES, ELIGIBILITY, POLICY, EXPERIMENT, CHANNEL, ARBITRATION }
}
