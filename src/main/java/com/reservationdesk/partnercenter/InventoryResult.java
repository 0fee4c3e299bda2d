package com.reservationdesk.partnercenter;

import java.util.List;

/** One item of {@code POST /extensions/product/checkinventory}'s answer. */
public record InventoryResult(String productId, String skuId, boolean isRestricted, List<Restriction> restrictions) {

  /** Why a SKU cannot be bought, e.g. {@code NotAvailableForSubscription}, with Microsoft's sentence. */
  public record Restriction(String reasonCode, String description) {}

  public String key() {
    return productId + ":" + skuId;
  }

  /** The restrictions in one sentence for an agent. */
  public String reason() {
    return restrictions.isEmpty() ? "not available" : String.join(" ", restrictions.stream().map(Restriction::description).toList());
  }
}
