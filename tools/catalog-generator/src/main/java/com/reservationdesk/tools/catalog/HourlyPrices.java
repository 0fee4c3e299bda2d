package com.reservationdesk.tools.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The pay-as-you-go and savings plan prices of an hour of a VM size in a region, derived from the reservation prices the
 * catalog writes for it, so that the three ways to pay for the same hour stay in the proportions Azure's list shows:
 * a 1-year reservation 35–45 % below pay-as-you-go and a 3-year one 55–65 % below (as near as the family's 3y/1y ratio
 * allows), a compute savings plan between pay-as-you-go and the reservation of its term.
 *
 * @param savingsPlan1y null when the family has no savings plan prices
 * @param savingsPlan3y null likewise
 */
record HourlyPrices(BigDecimal payAsYouGo, BigDecimal savingsPlan1y, BigDecimal savingsPlan3y) {

  static final int HOURS_A_YEAR = 8760;
  /** The 1-year reservation's discount on pay-as-you-go stays within these. */
  static final double MIN_DISCOUNT_1Y = 0.35;
  static final double MAX_DISCOUNT_1Y = 0.45;
  /** The 3-year reservation's discount the 1-year one is chosen for. */
  static final double TARGET_DISCOUNT_3Y = 0.60;
  /** A savings plan saves this share of what the reservation of the same term saves (more flexible, so less). */
  static final double SAVINGS_PLAN_SHARE_1Y = 0.55;
  static final double SAVINGS_PLAN_SHARE_3Y = 0.65;

  /**
   * @param reservation1y the whole-term price of the 1-year reservation, as written
   * @param reservation3y the whole-term price of the 3-year reservation, as written (anchored rows keep their real ratio)
   */
  static HourlyPrices derive(BigDecimal reservation1y, BigDecimal reservation3y, boolean savingsPlan) {
    double hourly1y = reservation1y.doubleValue() / HOURS_A_YEAR;
    double hourly3y = reservation3y.doubleValue() / (3.0 * HOURS_A_YEAR);
    // A 3-year hour costs (1 - d3) = (1 - d1) × hourly3y / hourly1y of pay-as-you-go: solve for d3 = target, then clamp.
    double discount1y = clamp(1 - (1 - TARGET_DISCOUNT_3Y) * hourly1y / hourly3y, MIN_DISCOUNT_1Y, MAX_DISCOUNT_1Y);
    double payAsYouGo = hourly1y / (1 - discount1y);
    if (!savingsPlan) {
      return new HourlyPrices(hourly(payAsYouGo, 4), null, null);
    }
    double discount3y = 1 - hourly3y / payAsYouGo;
    return new HourlyPrices(hourly(payAsYouGo, 4), hourly(payAsYouGo * (1 - SAVINGS_PLAN_SHARE_1Y * discount1y), 5),
        hourly(payAsYouGo * (1 - SAVINGS_PLAN_SHARE_3Y * discount3y), 5));
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  /** The API writes hourly prices with four (pay-as-you-go) or five (savings plan) decimals. */
  private static BigDecimal hourly(double price, int decimals) {
    return BigDecimal.valueOf(price).setScale(decimals, RoundingMode.HALF_UP);
  }
}
