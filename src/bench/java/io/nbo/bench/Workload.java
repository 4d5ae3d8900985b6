package io.nbo.bench;

import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import io.nbo.offer.OfferKind;
import io.nbo.rules.compile.RuleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic workload: M offers and R decision-table rows of the shape marketers write (equality on
 * region, lifecycle, engagement, segment and touchpoint; ranges on age, spend, recency and hour of day), over the
 * customers of {@link io.nbo.sample.CustomerGenerator}. The same seed always gives the same offers, rows and CSV.
 */
public final class Workload {

    /** Values the generated rows test: they are the values CustomerGenerator produces. */
    static final String[] REGIONS = {"London", "Manchester", "Edinburgh", "New York", "Chicago", "Los Angeles",
            "Berlin", "Mexico City", "Sydney"};
    static final String[] LIFECYCLES = {"new", "active", "lapsing", "lapsed"};
    static final String[] ENGAGEMENTS = {"high", "medium", "low"};
    static final String[] SEGMENTS = {"young-adults", "young-families", "empty-nesters", "bargain-hunters", "premium"};
    static final String[] CATEGORIES = {"grocery", "coffee", "bakery", "electronics", "health-beauty", "fashion",
            "baby", "pet", "wine", "produce", "travel", "garden", "food"};
    static final Channel[] TOUCHPOINTS = Channel.values();

    private final long seed;
    private final List<Offer> offers;
    private final List<WorkloadRow> rows;

    public Workload(long seed, int offerCount, int rowCount) {
        this.seed = seed;
        this.offers = offers(seed, offerCount);
        this.rows = rows(seed, rowCount, offers);
    }

    public long seed() { return seed; }

    public List<Offer> offers() { return offers; }

    public List<WorkloadRow> rows() { return rows; }

    public static String offerId(int index) {
        return String.format("OFF-%04d", index);
    }

    private static List<Offer> offers(long seed, int count) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x0FFE75L);
        List<Offer> out = new ArrayList<>(count);
        OfferKind[] kinds = OfferKind.values();
        for (int i = 1; i <= count; i++) {
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            int wanted = 1 + rnd.nextInt(4);
            while (channels.size() < wanted) {
                channels.add(TOUCHPOINTS[rnd.nextInt(TOUCHPOINTS.length)]);
            }
            String group = rnd.nextDouble() < 0.3 ? "group-" + rnd.nextInt(Math.max(1, count / 10)) : null;
            out.add(new Offer(offerId(i), "Generated offer " + i, null, CATEGORIES[rnd.nextInt(CATEGORIES.length)],
                    kinds[rnd.nextInt(kinds.length)], BigDecimal.valueOf(5 + rnd.nextInt(200)), channels, null, null,
                    null, group, 0.5 + rnd.nextInt(11) / 10.0, true));
        }
        return out;
    }

    private static List<WorkloadRow> rows(long seed, int count, List<Offer> offers) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5EEDL);
        List<WorkloadRow> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String region = rnd.nextDouble() < 0.8 ? REGIONS[rnd.nextInt(REGIONS.length)] : null;
            String lifecycle = rnd.nextDouble() < 0.6 ? LIFECYCLES[rnd.nextInt(LIFECYCLES.length)] : null;
            String engagement = rnd.nextDouble() < 0.4 ? ENGAGEMENTS[rnd.nextInt(ENGAGEMENTS.length)] : null;
            String segment = rnd.nextDouble() < 0.3 ? SEGMENTS[rnd.nextInt(SEGMENTS.length)] : null;
            Integer ageMin = null;
            Integer ageMax = null;
            if (rnd.nextDouble() < 0.5) {
                ageMin = 18 + rnd.nextInt(50);
                ageMax = ageMin + 10 + rnd.nextInt(30);
            }
            double minMonetary = rnd.nextDouble() < 0.2 ? 50 * (1 + rnd.nextInt(40)) : Double.NaN;
            Integer maxRecency = rnd.nextDouble() < 0.2 ? 7 * (1 + rnd.nextInt(26)) : null;
            String touchpoint = rnd.nextDouble() < 0.9 ? TOUCHPOINTS[rnd.nextInt(TOUCHPOINTS.length)].code() : null;
            if (touchpoint == null && region == null && lifecycle == null && engagement == null && segment == null
                    && ageMin == null && Double.isNaN(minMonetary) && maxRecency == null) {
                // a row with no condition at all is refused by the server's checks; give it a touchpoint
                // without drawing from the generator, so every other row stays as it was
                touchpoint = TOUCHPOINTS[i % TOUCHPOINTS.length].code();
            }
            Integer hourFrom = null;
            Integer hourTo = null;
            if (rnd.nextDouble() < 0.1) {
                hourFrom = rnd.nextInt(18);
                hourTo = hourFrom + 3 + rnd.nextInt(6);
            }
            WorkloadRow.Action action = rnd.nextDouble() < 0.05 ? WorkloadRow.Action.EXCLUDE
                    : WorkloadRow.Action.ELIGIBLE;
            String offer = offers.get(rnd.nextInt(offers.size())).id();
            double weight = action == WorkloadRow.Action.ELIGIBLE && rnd.nextDouble() < 0.2
                    ? 0.5 + rnd.nextInt(26) / 10.0 : Double.NaN;
            out.add(new WorkloadRow("Generated row " + i, region, lifecycle, engagement, segment, ageMin, ageMax,
                    minMonetary, maxRecency, touchpoint, hourFrom, hourTo, action, offer, weight));
        }
        return out;
    }

    /** The rows as a standard Drools decision table in our vocabulary (Customer, Context, global offers). */
    public String csv() {
        StringBuilder csv = new StringBuilder(rows.size() * 120);
        csv.append("RuleSet,nbo.bench\n");
        csv.append("Import,\"io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Context\"\n");
        csv.append("Variables,io.nbo.rules.vocabulary.Offers offers\n");
        csv.append("Notes,Generated benchmark workload (seed ").append(seed).append(").\n\n");
        csv.append("RuleTable Generated\n");
        csv.append("NAME,CONDITION,CONDITION,CONDITION,CONDITION,CONDITION,CONDITION,CONDITION,CONDITION,CONDITION,"
                + "ACTION,ACTION,ACTION\n");
        csv.append(",Customer,Customer,Customer,Customer,Customer,Customer,Customer,Context,Context,,,\n");
        csv.append(",\"region == \"\"$param\"\"\",\"lifecycle == \"\"$param\"\"\",\"engagement == \"\"$param\"\"\","
                + "\"inSegment(\"\"$param\"\")\",\"age >= $1, age <= $2\",monetary >= $param,recencyDays <= $param,"
                + "\"touchpoint == \"\"$param\"\"\",\"hour >= $1, hour < $2\",\"offers.eligible(\"\"$param\"\");\","
                + "\"offers.exclude(\"\"$param\"\");\",\"offers.weight(\"\"$1\"\", $2);\"\n");
        csv.append("Rule,Region,Lifecycle,Engagement,Segment,\"Age from, to\",Spend at least,"
                + "Days since last purchase at most,Touchpoint,\"Hour from, to\",Make eligible,Exclude,"
                + "\"Weight (offer, factor)\"\n");
        for (WorkloadRow r : rows) {
            csv.append(r.name()).append(',').append(text(r.region())).append(',').append(text(r.lifecycle()))
                    .append(',').append(text(r.engagement())).append(',').append(text(r.segment())).append(',')
                    .append(r.ageMin() == null ? "" : "\"" + r.ageMin() + ", " + r.ageMax() + "\"").append(',')
                    .append(Double.isNaN(r.minMonetary()) ? "" : String.valueOf((long) r.minMonetary())).append(',')
                    .append(r.maxRecencyDays() == null ? "" : r.maxRecencyDays()).append(',')
                    .append(text(r.touchpoint())).append(',')
                    .append(r.hourFrom() == null ? "" : "\"" + r.hourFrom() + ", " + r.hourTo() + "\"").append(',')
                    .append(r.action() == WorkloadRow.Action.ELIGIBLE ? r.offerId() : "").append(',')
                    .append(r.action() == WorkloadRow.Action.EXCLUDE ? r.offerId() : "").append(',')
                    .append(Double.isNaN(r.weight()) ? ""
                            : "\"" + r.offerId() + ", " + String.format(Locale.ROOT, "%.1f", r.weight()) + "\"")
                    .append('\n');
        }
        return csv.toString();
    }

    public RuleSource source() {
        return new RuleSource("generated-" + seed + ".drl.csv", csv().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the table where a person can open it (target/bench/...), returns the path. */
    public Path write(Path folder) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(source().name());
            Files.writeString(file, csv());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
