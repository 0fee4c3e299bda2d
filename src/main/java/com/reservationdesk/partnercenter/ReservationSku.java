package com.reservationdesk.partnercenter;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One reservation SKU: one VM size in one region for one term ({@code dynamicAttributes} flattened).
 *
 * @param termDuration ISO period as the API writes it: {@code P1Y}, {@code P3Y}, {@code P5Y}
 * @param listPrice the whole-term price of one unit, in {@code currency}
 */
public record ReservationSku(
    String productId,
    String skuId,
    String title,
    String armSkuName,
    String armRegionName,
    String regionDisplayName,
    String termDuration,
    int cores,
    BigDecimal ramGb,
    String category,
    long minimumQuantity,
    long maximumQuantity,
    Set<BillingPlan> billingPlans,
    BigDecimal listPrice,
    String currency) {

  /** Store product and SKU, not the catalog item id: availability ids rotate. */
  public String key() {
    return productId + ":" + skuId;
  }
}
