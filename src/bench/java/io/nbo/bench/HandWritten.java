package io.nbo.bench;

import io.nbo.decision.core.AffinityPropensity;
import io.nbo.decision.core.DecisionRequest;
import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import io.nbo.profile.CustomerProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The same rows evaluated by hand-written Java, our stand-in for the physical limit: rows indexed by touchpoint and
 * region (the two most selective equality columns), the other conditions checked inline, then the top offers by
 * propensity x weight x value x priority among
 * reachable offers, one per offer group (the arbitration formula). No explanation strings beyond the row names, no allocation it can avoid.
 */
public final class HandWritten {

    private static final int ANY = 0;

    private final WorkloadRow[][][] index;
    private final Map<String, Integer> regionSlot = new HashMap<>();
    private final Map<String, Offer> offers = new HashMap<>();
    private final AffinityPropensity propensity = new AffinityPropensity();

    public HandWritten(Workload workload) {
        for (int i = 0; i < Workload.REGIONS.length; i++) {
            regionSlot.put(Workload.REGIONS[i], i + 1);
        }
        workload.offers().forEach(o -> offers.put(o.id(), o));
        int touchpoints = Channel.values().length + 1;
        int regions = Workload.REGIONS.length + 1;
        List<List<List<WorkloadRow>>> lists = new ArrayList<>();
        for (int t = 0; t < touchpoints; t++) {
            List<List<WorkloadRow>> byRegion = new ArrayList<>();
            for (int r = 0; r < regions; r++) {
                byRegion.add(new ArrayList<>());
            }
            lists.add(byRegion);
        }
        for (WorkloadRow row : workload.rows()) {
            int t = row.touchpoint() == null ? ANY : Channel.fromCode(row.touchpoint()).orElseThrow().ordinal() + 1;
            int r = row.region() == null ? ANY : regionSlot.get(row.region());
            lists.get(t).get(r).add(row);
        }
        index = new WorkloadRow[touchpoints][regions][];
        for (int t = 0; t < touchpoints; t++) {
            for (int r = 0; r < regions; r++) {
                index[t][r] = lists.get(t).get(r).toArray(WorkloadRow[]::new);
            }
        }
    }

    /** The result: eligible offers (with the rows that made them so) and the top {@code limit}. */
    public record Answer(Map<String, List<String>> eligible, List<String> top) {
    }

    public Answer decide(DecisionRequest request, CustomerProfile customer) {
        Map<String, Entry> entries = new HashMap<>();
        int t = request.touchpoint().ordinal() + 1;
        Integer region = customer.region() == null ? null : regionSlot.get(customer.region());
        double monetary = customer.monetary().doubleValue();
        int hour = request.localTime().getHour();
        scan(index[t][ANY], customer, monetary, hour, entries);
        scan(index[ANY][ANY], customer, monetary, hour, entries);
        if (region != null) {
            scan(index[t][region], customer, monetary, hour, entries);
            scan(index[ANY][region], customer, monetary, hour, entries);
        }
        Map<String, List<String>> eligible = new HashMap<>();
        List<Offer> ranked = new ArrayList<>();
        Map<String, Double> score = new HashMap<>();
        entries.forEach((id, e) -> {
            if (!e.excluded && e.rows != null && e.weight > 0) {
                eligible.put(id, e.rows);
                Offer offer = offers.get(id);
                if (reachable(offer, customer, request.touchpoint())) {
                    ranked.add(offer);
                    score.put(id, propensity.propensity(customer, offer) * e.weight
                            * Math.max(1.0, offer.businessValue().doubleValue()) * offer.priority());
                }
            }
        });
        ranked.sort((a, b) -> {
            int c = Double.compare(score.get(b.id()), score.get(a.id()));
            return c != 0 ? c : a.id().compareTo(b.id());
        });
        List<String> top = new ArrayList<>(request.limit());
        Set<String> groups = new HashSet<>();
        for (Offer offer : ranked) {
            if (top.size() == request.limit()) {
                break;
            }
            if (groups.add(offer.arbitrationGroup())) {
                top.add(offer.id());
            }
        }
        return new Answer(eligible, top);
    }

    private static boolean reachable(Offer offer, CustomerProfile customer, Channel touchpoint) {
        for (Channel channel : offer.channels()) {
            if (channel.outbound() ? customer.consents().contains(channel)
                    : channel == touchpoint || customer.preferredChannels().contains(channel)) {
                return true;
            }
        }
        return false;
    }

    private static void scan(WorkloadRow[] rows, CustomerProfile c, double monetary, int hour,
                             Map<String, Entry> entries) {
        for (WorkloadRow row : rows) {
            if (matches(row, c, monetary, hour)) {
                Entry e = entries.computeIfAbsent(row.offerId(), id -> new Entry());
                if (row.action() == WorkloadRow.Action.EXCLUDE) {
                    e.excluded = true;
                } else {
                    if (e.rows == null) {
                        e.rows = new ArrayList<>(2);
                    }
                    e.rows.add(row.name());
                    if (!Double.isNaN(row.weight())) {
                        e.weight *= row.weight();
                    }
                }
            }
        }
    }

    private static boolean matches(WorkloadRow row, CustomerProfile c, double monetary, int hour) {
        return (row.lifecycle() == null || row.lifecycle().equals(c.lifecycleStage()))
                && (row.engagement() == null || row.engagement().equals(c.engagement()))
                && (row.ageMin() == null || c.age() != null && c.age() >= row.ageMin() && c.age() <= row.ageMax())
                && (Double.isNaN(row.minMonetary()) || monetary >= row.minMonetary())
                && (row.maxRecencyDays() == null || c.recencyDays() != null
                        && c.recencyDays() <= row.maxRecencyDays())
                && (row.hourFrom() == null || hour >= row.hourFrom() && hour < row.hourTo())
                && (row.segment() == null || c.segments().contains(row.segment()));
    }

    /** Unused by the hot path; the sorted eligible ids, for the agreement check. */
    public static Set<String> ids(Answer answer) {
        return new TreeSet<>(answer.eligible().keySet());
    }


    private static final class Entry {
        List<String> rows;
        boolean excluded;
        double weight = 1.0;
    }
}
