package io.nbo.sample;

import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic customers of a department-store retailer: the same seed and index always give the same
 * customer, so any number (10,000 for the embedded default, millions for benchmarks) can be produced one at a time.
 * Distributions follow the shapes in the background material: most customers active, a lapsing and lapsed tail,
 * consent rates that differ by channel, a few favourite categories each.
 */
public final class CustomerGenerator {

    private static final String[][] PLACES = {
            {"GB", "London", "Europe/London"}, {"GB", "Manchester", "Europe/London"},
            {"GB", "Edinburgh", "Europe/London"}, {"US", "New York", "America/New_York"},
            {"US", "Chicago", "America/Chicago"}, {"US", "Los Angeles", "America/Los_Angeles"},
            {"DE", "Berlin", "Europe/Berlin"}, {"MX", "Mexico City", "America/Mexico_City"},
            {"AU", "Sydney", "Australia/Sydney"}};
    private static final double[] PLACE_WEIGHTS = {0.22, 0.10, 0.08, 0.15, 0.10, 0.10, 0.10, 0.10, 0.05};
    private static final String[] CATEGORIES = {"grocery", "coffee", "bakery", "electronics", "health-beauty",
            "fashion", "baby", "pet", "wine", "produce", "travel", "garden", "food"};
    private static final double[] CATEGORY_WEIGHTS = {0.18, 0.12, 0.08, 0.09, 0.09, 0.09, 0.05, 0.06, 0.06, 0.07,
            0.04, 0.03, 0.04};
    private static final String[] ITEMS = {"milk", "coffee", "croissant", "headphones", "shampoo", "t-shirt",
            "diapers", "pet-food", "wine", "fruit", "luggage", "seeds", "sandwich"};

    private final long seed;

    public CustomerGenerator(long seed) {
        this.seed = seed;
    }

    public static String id(int index) {
        return String.format("C%07d", index);
    }

    /** The customer with this index (1-based ids: index 1 is C0000001). */
    public CustomerProfile customer(int index) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + index);
        String[] place = PLACES[pick(rnd, PLACE_WEIGHTS)];
        int age = (int) Math.max(18, Math.min(88, Math.round(42 + rnd.nextGaussian() * 15)));
        String gender = rnd.nextDouble() < 0.51 ? "female" : rnd.nextDouble() < 0.96 ? "male" : "unspecified";
        double stageDraw = rnd.nextDouble();
        String stage = stageDraw < 0.08 ? "new" : stageDraw < 0.68 ? "active" : stageDraw < 0.85 ? "lapsing" : "lapsed";
        int frequency = switch (stage) {
            case "new" -> 1 + rnd.nextInt(3);
            case "active" -> 4 + (int) Math.round(Math.exp(rnd.nextDouble() * 3.9));
            case "lapsing" -> 2 + rnd.nextInt(8);
            default -> rnd.nextInt(3);
        };
        Integer recency = switch (stage) {
            case "new" -> rnd.nextInt(21);
            case "active" -> rnd.nextInt(31);
            case "lapsing" -> 31 + rnd.nextInt(60);
            default -> frequency == 0 && rnd.nextDouble() < 0.3 ? null : 91 + rnd.nextInt(310);
        };
        String engagement = frequency >= 24 ? "high" : frequency >= 8 ? "medium" : "low";
        BigDecimal monetary = money(frequency * (20 + rnd.nextDouble() * 130));
        double churn = switch (stage) {
            case "new" -> 0.1 + rnd.nextDouble() * 0.3;
            case "active" -> 0.02 + rnd.nextDouble() * 0.28;
            case "lapsing" -> 0.4 + rnd.nextDouble() * 0.4;
            default -> 0.6 + rnd.nextDouble() * 0.35;
        };
        churn = Math.round(churn * 100) / 100.0;
        List<String> categories = categories(rnd, age);
        List<String> items = categories.stream().map(c -> ITEMS[indexOf(c)]).toList();
        Set<String> tags = new LinkedHashSet<>();
        boolean appUser = rnd.nextDouble() < (age < 45 ? 0.6 : 0.3);
        if (appUser) {
            tags.add("app-user");
        }
        if (categories.contains("travel") || rnd.nextDouble() < 0.05) {
            tags.add("frequent-traveller");
        }
        if (rnd.nextDouble() < 0.2) {
            tags.add("facebook-fan");
        }
        Set<Channel> consents = new LinkedHashSet<>();
        if (rnd.nextDouble() < 0.7) {
            consents.add(Channel.EMAIL);
        }
        if (rnd.nextDouble() < 0.35) {
            consents.add(Channel.SMS);
        }
        if (appUser && rnd.nextDouble() < 0.7) {
            consents.add(Channel.PUSH);
        }
        if (tags.contains("facebook-fan") || rnd.nextDouble() < 0.1) {
            consents.add(Channel.SOCIAL);
        }
        Set<String> segments = segments(rnd, age, categories, monetary);
        List<Channel> preferred = preferred(rnd, consents, appUser);
        BigDecimal predicted = money(monetary.doubleValue() * (engagement.equals("high") ? 1.4 : 1.0) * (1 - churn)
                + rnd.nextDouble() * 50);
        return new CustomerProfile(id(index), true, age, gender, place[0], place[1], ZoneId.of(place[2]), consents,
                segments, tags, stage, engagement, recency, frequency, monetary, categories, items, preferred,
                predicted, churn);
    }

    private static List<String> categories(SplittableRandom rnd, int age) {
        List<String> out = new ArrayList<>(3);
        int wanted = 1 + rnd.nextInt(3);
        int guard = 0;
        while (out.size() < wanted && guard++ < 20) {
            String category = CATEGORIES[pick(rnd, CATEGORY_WEIGHTS)];
            if (category.equals("baby") && (age < 22 || age > 48)) {
                continue;
            }
            if (!out.contains(category)) {
                out.add(category);
            }
        }
        return out;
    }

    private static Set<String> segments(SplittableRandom rnd, int age, List<String> categories, BigDecimal spend) {
        Set<String> out = new LinkedHashSet<>();
        if (age < 30) {
            out.add("young-adults");
        }
        if (categories.contains("baby")) {
            out.add("young-families");
        }
        if (age >= 55) {
            out.add("empty-nesters");
        }
        if (rnd.nextDouble() < 0.2) {
            out.add("bargain-hunters");
        }
        if (spend.doubleValue() > 2000) {
            out.add("premium");
        }
        return out;
    }

    private static List<Channel> preferred(SplittableRandom rnd, Set<Channel> consents, boolean appUser) {
        List<Channel> out = new ArrayList<>();
        if (appUser) {
            out.add(Channel.MOBILE_APP);
        }
        List<Channel> shuffled = new ArrayList<>(consents);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Channel t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        out.addAll(shuffled);
        out.add(Channel.WEB);
        return out;
    }

    private static int pick(SplittableRandom rnd, double[] weights) {
        double draw = rnd.nextDouble();
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            if (draw < sum) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int indexOf(String category) {
        for (int i = 0; i < CATEGORIES.length; i++) {
            if (CATEGORIES[i].equals(category)) {
                return i;
            }
        }
        throw new IllegalArgumentException(category);
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
