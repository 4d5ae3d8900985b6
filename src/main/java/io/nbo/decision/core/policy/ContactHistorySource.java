package io.nbo.decision.core.policy;

/** The port the policy stage reads contact histories through (a cache in the server, a map in tests). */
@FunctionalInterface
public interface ContactHistorySource {

    ContactHistory history(String customerId);
}
