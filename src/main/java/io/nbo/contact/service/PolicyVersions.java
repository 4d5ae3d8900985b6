package io.nbo.contact.service;

import io.nbo.contact.persistence.PolicyStore;
import io.nbo.contact.policy.PolicyDiff;
import io.nbo.rules.diff.RuleSetDiff;
import io.nbo.rules.persistence.RuleSetStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The contact policy's version history: every activated version, the activation log, and rule-level differences. */
@ApplicationScoped
public class PolicyVersions {

    private final PolicyStore store;
    private final PolicyService policy;
    private final PolicyDiff differ = new PolicyDiff();

    public PolicyVersions(PolicyStore store, PolicyService policy) {
        this.store = store;
        this.policy = policy;
    }

    public List<RuleSetStore.StoredVersion> versions() {
        return store.versions();
    }

    public List<RuleSetStore.Activation> activations(int limit) {
        return store.activations(limit);
    }

    /** What changed from one version to another ("live" names the live version). */
    public RuleSetDiff.Diff diff(String from, String to) {
        PolicyStore.StoredFile a = policy.file(from);
        PolicyStore.StoredFile b = policy.file(to);
        return differ.diff(a.version(), a.name(), a.content(), b.version(), b.name(), b.content());
    }

    /**
     * What a draft would change, rule by rule, against the live version; nothing is stored. The draft passes the
     * policy's checks first, as a simulation's does: one that cannot go live is refused (422, every problem located).
     */
    public RuleSetDiff.Diff diffDraft(byte[] draft) {
        policy.draft(draft);
        PolicyStore.StoredFile live = policy.file("live");
        return differ.diff(live.version(), live.name(), live.content(), "draft", live.name(), draft);
    }
}
