package io.nbo.experiment.lift;

/**
 * A treatment arm against the control: lift in conversion rate (two-proportion z-test; the interval uses the unpooled
 * standard error, the test the pooled one) and in revenue per customer (Welch's t-test and interval).
 *
 * @param rateLift          treatment rate minus control rate (absolute, in rate points)
 * @param rateRelativeLift  rateLift / control rate; null when the control converted no one
 * @param rateLow           lower end of the 95% confidence interval of rateLift
 * @param ratePValue        two-sided p-value that the rates are equal
 * @param revenueLift       revenue per customer, treatment minus control
 * @param revenuePValue     two-sided p-value (Welch); null when either arm has under two customers or no spread
 */
public record Comparison(String arm, String against, double rateLift, Double rateRelativeLift, double rateLow,
                         double rateHigh, double ratePValue, double revenueLift, Double revenueRelativeLift,
                         Double revenueLow, Double revenueHigh, Double revenuePValue, boolean significant) {
}
