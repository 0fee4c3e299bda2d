package com.reservationdesk.pricing;

import java.math.BigDecimal;

/**
 * What one hour of a VM size costs in a region, in the price list's currency.
 *
 * @param payAsYouGo the Linux pay-as-you-go price of an hour
 * @param savingsPlanOneYear the same hour under a 1-year compute savings plan; null when the plan does not cover the size
 * @param savingsPlanThreeYears the same under a 3-year plan; null when not covered
 */
public record VmHourlyPrices(String armRegionName, String armSkuName, BigDecimal payAsYouGo, BigDecimal savingsPlanOneYear,
    BigDecimal savingsPlanThreeYears, String currency) {

  /** The savings plan's price of an hour for a term of 1 or 3 years; null when the plan does not cover the size. */
  public BigDecimal savingsPlan(int years) {
    return switch (years) {
      case 1 -> savingsPlanOneYear;
      case 3 -> savingsPlanThreeYears;
      default -> throw new IllegalArgumentException("A savings plan runs 1 or 3 years, not " + years);
    };
  }
}
