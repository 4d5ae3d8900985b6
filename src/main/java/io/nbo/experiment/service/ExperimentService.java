package io.nbo.experiment.service;

import io.nbo.common.error.ConflictProblem;
import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.common.error.Values;
import io.nbo.decision.core.experiment.Arm;
import io.nbo.decision.core.experiment.Buckets;
import io.nbo.decision.core.experiment.Experiment;
import io.nbo.experiment.persistence.ExperimentStore;
import io.nbo.experiment.persistence.ExperimentStore.Stored;
import io.nbo.experiment.rest.ExperimentPayloads.ArmPayload;
import io.nbo.experiment.rest.ExperimentPayloads.Definition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Defines experiments: checks a definition, gives a new experiment the first free range of its layer's buckets (a
 * new version keeps its range unless its traffic changes), stores it as a new version and activates the set.
 * Changes are serialised on this node; the primary key (key, version) refuses a version made twice across nodes.
 */
@ApplicationScoped
public class ExperimentService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private final ExperimentStore store;
    private final ExperimentRegistry registry;
    private final Clock clock;

    public ExperimentService(ExperimentStore store, ExperimentRegistry registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    public List<Stored> current() {
        return store.current();
    }

    public Stored get(String key) {
        return store.current().stream().filter(s -> s.experiment().key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundProblem("No experiment " + Values.quote(key)
                        + "; GET /api/experiments lists them"));
    }

    public List<Stored> versions(String key) {
        List<Stored> all = store.versions(key);
        if (all.isEmpty()) {
            throw new NotFoundProblem("No experiment " + Values.quote(key) + "; GET /api/experiments lists them");
        }
        return all;
    }

    /** Stores the definition as the key's next version and puts it in force. */
    public synchronized Stored define(String key, Definition d, String by) {
        if (key == null || !NAME.matcher(key).matches()) {
            throw new InvalidFieldProblem("key", "an experiment key is 1 to 64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit; got " + Values.quote(key));
        }
        if (d == null) {
            throw new InvalidFieldProblem("body", "send a JSON body with layer and arms");
        }
        if (d.layer() == null || !NAME.matcher(d.layer()).matches()) {
            throw new InvalidFieldProblem("layer", "layer is required: 1 to 64 letters, digits, '.', '_' or '-'; got "
                    + Values.quote(d.layer()));
        }
        double traffic = d.traffic() == null ? 1.0 : d.traffic();
        if (!(traffic > 0 && traffic <= 1)) {
            throw new InvalidFieldProblem("traffic", "traffic is the share of the layer, above 0 and at most 1; got "
                    + traffic);
        }
        if (Math.round(traffic * Buckets.COUNT) < 1) {
            throw new InvalidFieldProblem("traffic", "traffic is at least 0.0001 (one bucket of 10,000); got "
                    + traffic);
        }
        if (d.name() != null && (d.name().length() > 200 || d.name().chars().anyMatch(c -> c < 0x20))) {
            throw new InvalidFieldProblem("name", "name must be at most 200 characters, without control characters");
        }
        checkAll("offers", d.offers(), 64, 4000);
        checkAll("segments", d.segments(), 64, 1000);
        for (String field : new String[] {"startsAt", "endsAt"}) {
            Instant at = field.equals("startsAt") ? d.startsAt() : d.endsAt();
            if (at != null && (at.isBefore(EARLIEST) || at.isAfter(LATEST))) {
                throw new InvalidFieldProblem(field, field + " must be between " + EARLIEST + " and " + LATEST
                        + "; got " + at);
            }
        }
        List<Arm> arms = arms(d.arms());
        Instant now = clock.instant();
        List<Stored> versions = store.versions(key);
        Optional<Experiment> previous = versions.isEmpty() ? Optional.empty()
                : Optional.of(versions.get(versions.size() - 1).experiment());
        Instant starts = d.startsAt() != null ? d.startsAt() : previous.map(Experiment::startsAt).orElse(now);
        if (d.endsAt() != null && !d.endsAt().isAfter(starts)) {
            throw new InvalidFieldProblem("endsAt", "endsAt " + d.endsAt() + " must be after startsAt " + starts);
        }
        try {
            new Experiment(key, 1, key, d.layer(), 0, Buckets.COUNT, arms, Set.of(), Set.of(), starts, d.endsAt());
        } catch (IllegalArgumentException invalid) {
            throw new InvalidFieldProblem("arms", invalid.getMessage());
        }
        int width = (int) Math.round(traffic * Buckets.COUNT);
        int from = previous.filter(p -> p.layer().equals(d.layer()) && p.bucketTo() - p.bucketFrom() == width)
                .map(Experiment::bucketFrom).orElseGet(() -> freeRange(key, d.layer(), width, now));
        Experiment e;
        try {
            e = new Experiment(key, previous.map(p -> p.version() + 1).orElse(1), d.name() == null ? key : d.name(),
                    d.layer(), from, from + width, arms, set(d.offers()), set(d.segments()), starts, d.endsAt());
        } catch (IllegalArgumentException invalid) {
            throw new InvalidFieldProblem("arms", invalid.getMessage());
        }
        store.insert(e, now, by);
        registry.changed(key + " v" + e.version());
        return get(key);
    }

    /** The lowest range of {@code width} buckets no other experiment of the layer holds (ended ones free theirs). */
    private int freeRange(String key, String layer, int width, Instant now) {
        List<Experiment> taken = new ArrayList<>(store.current().stream().map(Stored::experiment)
                .filter(e -> e.layer().equals(layer) && !e.key().equals(key))
                .filter(e -> e.endsAt() == null || e.endsAt().isAfter(now))
                .toList());
        taken.sort(Comparator.comparingInt(Experiment::bucketFrom));
        int start = 0;
        for (Experiment e : taken) {
            if (e.bucketFrom() - start >= width) {
                return start;
            }
            start = Math.max(start, e.bucketTo());
        }
        if (Buckets.COUNT - start >= width) {
            return start;
        }
        int free = Buckets.COUNT - taken.stream().mapToInt(e -> e.bucketTo() - e.bucketFrom()).sum();
        throw new ConflictProblem("layer '" + layer + "' has no free range of " + (width / 100.0) + "% of its "
                + "customers (" + (free / 100.0) + "% free in all, held by " + taken.stream().map(Experiment::key)
                .toList() + "); lower traffic, end an experiment of the layer or use another layer");
    }

    private static List<Arm> arms(List<ArmPayload> payloads) {
        if (payloads == null || payloads.size() < 2) {
            throw new InvalidFieldProblem("arms", "an experiment needs a control arm and at least one other arm");
        }
        List<Arm> arms = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < payloads.size(); i++) {
            ArmPayload a = payloads.get(i);
            String field = "arms[" + i + "]";
            if (a == null || a.name() == null || !NAME.matcher(a.name()).matches() || !names.add(a.name())) {
                throw new InvalidFieldProblem(field + ".name", "each arm needs a unique name of letters, digits, "
                        + "'.', '_' or '-'; got " + Values.quote(a == null ? null : a.name()));
            }
            if (a.share() == null || !(a.share() > 0 && a.share() <= 1)) {
                throw new InvalidFieldProblem(field + ".share", "share is a fraction above 0 and at most 1; got "
                        + (a.share()));
            }
            String treatment = a.treatment() == null ? "current" : a.treatment();
            double weight = switch (treatment) {
                case "no-offer", "current" -> 1.0;
                case "weight" -> {
                    if (a.weight() == null || !(a.weight() >= 0) || a.weight() > 1000) {
                        throw new InvalidFieldProblem(field + ".weight", "treatment 'weight' needs a weight from 0 "
                                + "to 1000; got " + a.weight());
                    }
                    yield a.weight();
                }
                default -> throw new InvalidFieldProblem(field + ".treatment", "treatment must be no-offer, current "
                        + "or weight; got " + Values.quote(treatment));
            };
            arms.add(new Arm(a.name(), a.share(), Boolean.TRUE.equals(a.control()), treatment.equals("no-offer"),
                    weight));
        }
        return arms;
    }

    private static void text(String field, String value, int max) {
        if (value != null && (value.length() > max || value.chars().anyMatch(c -> c < 0x20 || c == ','))) {
            throw new InvalidFieldProblem(field, field + " must be at most " + max + " characters, without control "
                    + "characters or commas");
        }
    }

    private static void checkAll(String field, List<String> values, int max, int total) {
        if (values == null) {
            return;
        }
        for (String v : values) {
            text(field, v, max);
        }
        if (values.stream().filter(v -> v != null).mapToInt(v -> v.length() + 1).sum() > total) {
            throw new InvalidFieldProblem(field, field + " may name at most " + total + " characters in all");
        }
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values.stream().filter(v -> v != null && !v.isBlank())
                .map(String::strip).toList());
    }
}
