package io.nbo.experiment.service;

import io.nbo.decision.core.experiment.Arm;
import io.nbo.decision.core.experiment.Experiment;
import io.nbo.experiment.lift.LiftCalculator;
import io.nbo.experiment.lift.LiftCalculator.ArmData;
import io.nbo.experiment.persistence.ExposureQuery;
import io.nbo.experiment.persistence.ExposureQuery.Exposed;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lift report of an experiment: its exposed customers by arm (the arm of their first exposure), conversions
 * (a purchase after it) and revenue, and each treatment against the control ({@link LiftCalculator}).
 */
@ApplicationScoped
public class LiftService {

    private final ExperimentService experiments;
    private final ExposureQuery exposure;
    private final Clock clock;

    public LiftService(ExperimentService experiments, ExposureQuery exposure, Clock clock) {
        this.experiments = experiments;
        this.exposure = exposure;
        this.clock = clock;
    }

    /** The report, for the experiment as now defined. */
    public record Report(Experiment experiment, Instant computedAt, LiftCalculator.Lift lift) {
    }

    public Report lift(String key) {
        Experiment e = experiments.get(key).experiment();
        Map<String, List<Exposed>> byArm = new LinkedHashMap<>();
        e.arms().forEach(a -> byArm.put(a.name(), new ArrayList<>()));
        for (Exposed x : exposure.exposed(key).values()) {
            byArm.computeIfAbsent(x.arm(), a -> new ArrayList<>()).add(x);
        }
        String control = e.arms().stream().filter(Arm::control).map(Arm::name).findFirst().orElse(null);
        List<ArmData> data = new ArrayList<>();
        byArm.forEach((arm, customers) -> {
            boolean[] converted = new boolean[customers.size()];
            double[] revenue = new double[customers.size()];
            for (int i = 0; i < customers.size(); i++) {
                converted[i] = customers.get(i).purchases() > 0;
                revenue[i] = customers.get(i).revenue();
            }
            data.add(new ArmData(arm, arm.equals(control), converted, revenue));
        });
        return new Report(e, clock.instant(), LiftCalculator.lift(data));
    }
}
