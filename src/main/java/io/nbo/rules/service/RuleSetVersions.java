package io.nbo.rules.service;

import io.nbo.common.error.NotFoundProblem;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.diff.RuleSetDiff;
import io.nbo.rules.persistence.RuleSetStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The version history: every activated version, the activation log, and row-level differences between versions. */
@ApplicationScoped
public class RuleSetVersions {

    private final RuleSetStore store;
    private final RuleEngine engine;
    private final RuleSetService rules;
    private final RuleSetDiff differ = new RuleSetDiff();

    public RuleSetVersions(RuleSetStore store, RuleEngine engine, RuleSetService rules) {
        this.store = store;
        this.engine = engine;
        this.rules = rules;
    }

    public List<RuleSetStore.StoredVersion> versions() {
        return store.versions();
    }

    public List<RuleSetStore.Activation> activations(int limit) {
        return store.activations(limit);
    }

    public String liveVersion() {
        return engine.live().version();
    }

    /** What changed from one version to another ("live" names the live version). */
    public RuleSetDiff.Diff diff(String from, String to) {
        String a = resolve(from);
        String b = resolve(to);
        return differ.diff(a, sources(a), b, sources(b));
    }

    /**
     * What a draft would change: the live version against the live files with this one replaced (or added), row by
     * row; the draft is named "draft" and nothing is stored. It passes the gate first, as a simulation's does (the
     * header lock, every check): one that cannot go live is refused (403 or 422, every problem located).
     */
    public RuleSetDiff.Diff diffDraft(String name, byte[] draft, Actor actor) {
        rules.draft(name, draft, actor);
        String live = liveVersion();
        List<RuleSource> before = sources(live);
        List<RuleSource> after = new java.util.ArrayList<>(before.stream().filter(s -> !s.name().equals(name))
                .toList());
        after.add(new RuleSource(name, draft));
        return differ.diff(live, before, "draft", after);
    }

    public List<RuleSource> sources(String version) {
        return store.sources(version).orElseThrow(() -> new NotFoundProblem("no rule-set version '" + version
                + "' was ever activated; GET /api/rulesets/versions lists them"));
    }

    private String resolve(String version) {
        return version == null || version.isBlank() || version.equals("live") ? liveVersion() : version.strip();
    }
}
