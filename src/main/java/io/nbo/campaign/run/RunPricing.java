package io.nbo.campaign.run;

import io.nbo.campaign.allocation.DualPrices;
import io.nbo.campaign.allocation.OfferLimit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first pass's result, kept with the run so a resumed run assigns with the same prices: the limits the prices were
 * solved for (what was left when the run priced) and the price of each. The bound of the whole run is the sum of the
 * customers' dual terms (kept per partition) plus {@link #limitTerm()}.
 */
public record RunPricing(List<OfferLimit> limits, double[] volumePrices, double[] budgetPrices) {

    public DualPrices prices() {
        return DualPrices.of(volumePrices, budgetPrices);
    }

    /** {@code Σ_o price_o x volume_o + budgetPrice_o x budget_o} over the limits the prices were solved for. */
    public double limitTerm() {
        double sum = 0;
        for (int o = 0; o < limits.size(); o++) {
            OfferLimit limit = limits.get(o);
            if (volumePrices[o] > 0 && limit.volumeLimited()) {
                sum += volumePrices[o] * limit.volume();
            }
            if (budgetPrices[o] > 0 && limit.budgetLimited()) {
                sum += budgetPrices[o] * limit.budget();
            }
        }
        return sum;
    }

    /** One line per offer: {@code offer volume budget price budgetPrice}, tab separated (offer ids hold no tab). */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (int o = 0; o < limits.size(); o++) {
            OfferLimit l = limits.get(o);
            out.append(l.offerId()).append('\t').append(l.volume()).append('\t').append(l.budget()).append('\t')
                    .append(volumePrices[o]).append('\t').append(budgetPrices[o]).append('\n');
        }
        return out.toString();
    }

    public static RunPricing parse(String text) {
        List<OfferLimit> limits = new ArrayList<>();
        List<double[]> prices = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t");
            limits.add(new OfferLimit(f[0], Long.parseLong(f[1]), Double.parseDouble(f[2])));
            prices.add(new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
        return new RunPricing(limits, prices.stream().mapToDouble(p -> p[0]).toArray(),
                prices.stream().mapToDouble(p -> p[1]).toArray());
    }

    @Override
    public String toString() {
        return "RunPricing" + limits + Arrays.toString(volumePrices);
    }
}
