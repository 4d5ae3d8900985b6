package io.nbo.experiment.lift;

/**
 * What one arm did.
 *
 * @param exposed            customers assigned to the arm by a decision
 * @param conversions        of them, customers who purchased after their first exposure
 * @param revenue            their purchases' total after first exposure
 */
public record ArmResult(String arm, boolean control, long exposed, long conversions, double conversionRate,
                        double revenue, double revenuePerCustomer) {
}
