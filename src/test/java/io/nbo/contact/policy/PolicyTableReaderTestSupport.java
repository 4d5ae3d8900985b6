package io.nbo.contact.policy;

/** Shared text of the policy tests. */
final class PolicyTableReaderTestSupport {

    static final String HEADER = "Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost\n";

    private PolicyTableReaderTestSupport() {
    }
}
