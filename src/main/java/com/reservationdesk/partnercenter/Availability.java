package com.reservationdesk.partnercenter;

import java.util.List;

/**
 * {@code GET /products/{p}/skus/{s}/availabilities}: the id a cart line must name.
 *
 * @param minimumPurchaseCommitment for a savings plan, the least hourly commitment Partner Center sells for the term
 *     (its SKU's {@code minimumPurchaseCommitment}, e.g. 0.001 an hour); null for a reservation
 */
public record Availability(
    String id,
    String productId,
    String skuId,
    String catalogItemId,
    boolean isPurchasable,
    String defaultCurrency,
    List<String> terms,
    PurchaseCommitment minimumPurchaseCommitment) {

  /** A reservation's availability: no commitment. */
  public Availability(String id, String productId, String skuId, String catalogItemId, boolean isPurchasable,
      String defaultCurrency, List<String> terms) {
    this(id, productId, skuId, catalogItemId, isPurchasable, defaultCurrency, terms, null);
  }
}
