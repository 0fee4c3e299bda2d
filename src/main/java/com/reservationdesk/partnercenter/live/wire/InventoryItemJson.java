package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.reservationdesk.partnercenter.InventoryResult;
import java.util.List;

/** An item of {@code POST /extensions/product/checkinventory}'s answer. */
public record InventoryItemJson(
    String productId,
    String skuId,
    @JsonProperty("isRestricted") boolean isRestricted,
    List<Restriction> restrictions) {

  /** Why a SKU cannot be bought; {@code properties} are not read, so they are kept as whatever JSON they are. */
  public record Restriction(String reasonCode, String description, Object properties) {}

  public static InventoryItemJson of(InventoryResult result) {
    return new InventoryItemJson(result.productId(), result.skuId(), result.isRestricted(), result.restrictions().stream()
        .map(r -> new Restriction(r.reasonCode(), r.description(), List.of())).toList());
  }

  public InventoryResult toResult() {
    return new InventoryResult(productId, skuId, isRestricted, restrictions == null ? List.of()
        : restrictions.stream().map(r -> new InventoryResult.Restriction(r.reasonCode(), r.description())).toList());
  }
}
