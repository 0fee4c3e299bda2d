package com.reservationdesk.recommendation;

import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.policy.RecommendationPolicy.Kind;
import java.math.BigDecimal;

/**
 * One thing Reservation Desk recommends a customer buy, with the numbers that explain it. Amounts are in the
 * customer's currency; {@code costWithout}, {@code costWith} and {@code netSavings} are over the look-back, with the
 * meaning of Azure's {@code costWithNoReservedInstances}, {@code totalCostWithReservedInstances} and {@code netSavings}.
 *
 * @param id what the form's checklist sends for it: {@code R1}, {@code R2} … for reservations, {@code S1Y}/{@code S3Y}
 *     for a savings plan
 * @param reference the reservation's product and SKU ({@code DZH318Z0BQ4F:00CN}); null for a savings plan
 * @param quantity reservations to buy, of {@code armSkuName}; 1 for a savings plan
 * @param normalizedUnits the same quantity in units of the flexibility group's smallest size (Azure's
 *     {@code recommendedQuantityNormalized}); null for a savings plan
 * @param hourlyCommitment a savings plan's commitment an hour; null for a reservation
 * @param expectedUtilization percent of the reserved hours (or of the commitment) the look-back's usage would have filled
 * @param breakEvenUtilization the utilization at which it costs what pay-as-you-go costs, in percent
 * @param monthlySaving net saving a month (730 hours)
 * @param termSaving net saving over the whole term, if usage stays as it was
 * @param basis the usage it was computed from, in words
 * @param lowered why the quantity is lower than the one that saves the most; null when it is not
 * @param restriction why the purchase's subscription cannot buy it; null when it can
 * @param azureView what Azure's own recommendation says for the same group, region and term; null when Azure said nothing
 * @param chart the usage against the recommended level, for the picture
 */
public record Recommendation(String id, Kind kind, String title, String reference, String armSkuName, String armRegionName,
    String regionDisplayName, String flexibilityGroup, Term term, long quantity, BigDecimal normalizedUnits, BigDecimal hourlyCommitment,
    String currency, BigDecimal expectedUtilization, BigDecimal breakEvenUtilization, BigDecimal monthlySaving, BigDecimal termSaving,
    BigDecimal costWithout, BigDecimal costWith, BigDecimal netSavings, String basis, String lowered, String restriction,
    String azureView, UsageSeries chart) {

  public boolean isRestricted() {
    return restriction != null;
  }

  public boolean isSavingsPlan() {
    return kind == Kind.SAVINGS_PLAN;
  }
}
