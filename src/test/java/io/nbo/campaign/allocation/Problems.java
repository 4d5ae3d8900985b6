package io.nbo.campaign.allocation;

import io.nbo.offer.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Allocation problems for tests: hand-built cases and random instances from a seed. */
final class Problems {

    private Problems() {
    }

    record Problem(List<Customer> customers, List<OfferLimit> limits) {
    }

    static Option email(int offer, double value) {
        return new Option(offer, Channel.EMAIL, value, 0);
    }

    static Option email(int offer, double value, double cost) {
        return new Option(offer, Channel.EMAIL, value, cost);
    }

    static Customer customer(String id, int capacity, Option... options) {
        return new Customer(id, capacity, options);
    }

    /**
     * First come loses: offer 0 has 1 contact left; the early customer values it 10 and offer 1 (unlimited) 9, the
     * late customer values it 10 and offer 1 only 1. First come gives 10 + 1, the optimum is 9 + 10.
     */
    static Problem earlyCustomerTakesTheStock() {
        return new Problem(List.of(
                customer("early", 1, email(0, 10), email(1, 9)),
                customer("late", 1, email(0, 10), email(1, 1))),
                List.of(OfferLimit.volume("scarce", 1), OfferLimit.unlimited("plentiful")));
    }

    /**
     * A random instance: each customer sees each offer with probability {@code density}, values lognormal (a few
     * customers are worth far more), capacity 1 to 3; offers volume-limited, budget-limited, both or neither, with
     * limits set to a share of the demand so that they bind.
     */
    static Problem random(long seed, int customers, int offers, double density) {
        Random rnd = new Random(seed);
        double[] offerValue = new double[offers];
        for (int o = 0; o < offers; o++) {
            offerValue[o] = 1 + rnd.nextInt(20);
        }
        List<Customer> cs = new ArrayList<>(customers);
        long[] demand = new long[offers];
        double[] spend = new double[offers];
        for (int c = 0; c < customers; c++) {
            List<Option> options = new ArrayList<>();
            for (int o = 0; o < offers; o++) {
                if (rnd.nextDouble() < density) {
                    double value = Math.round(offerValue[o] * Math.exp(rnd.nextGaussian()) * 100) / 100.0 + 0.01;
                    double cost = 1 + rnd.nextInt(5);
                    options.add(new Option(o, Channel.values()[rnd.nextInt(3)], value, cost));
                    demand[o]++;
                    spend[o] += cost;
                }
            }
            cs.add(new Customer("c" + c, 1 + rnd.nextInt(3), options.toArray(Option[]::new)));
        }
        List<OfferLimit> limits = new ArrayList<>(offers);
        for (int o = 0; o < offers; o++) {
            long volume = Math.max(1, Math.round(demand[o] * (0.1 + 0.5 * rnd.nextDouble())));
            double budget = Math.max(1, Math.round(spend[o] * (0.1 + 0.5 * rnd.nextDouble())));
            limits.add(switch (o % 4) {
                case 0 -> OfferLimit.volume("o" + o, volume);
                case 1 -> OfferLimit.budget("o" + o, budget);
                case 2 -> new OfferLimit("o" + o, volume, budget);
                default -> OfferLimit.unlimited("o" + o);
            });
        }
        return new Problem(cs, limits);
    }
}
