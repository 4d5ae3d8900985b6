package io.nbo.bench;

/**
 * One generated decision-table row, as data: every condition is optional (null or NaN = no condition). The CSV writer
 * and the hand-written evaluator both read these fields, so the three contenders run exactly the same rows.
 *
 * @param action       ELIGIBLE or EXCLUDE
 * @param weight       a context weight the row also gives its offer, or NaN for none
 */
public record WorkloadRow(String name, String region, String lifecycle, String engagement, String segment,
                          Integer ageMin, Integer ageMax, double minMonetary, Integer maxRecencyDays,
                          String touchpoint, Integer hourFrom, Integer hourTo, Action action, String offerId,
                          double weight) {

    public enum Action { ELIGIBLE, EXCLUDE }
}
