package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.reservationdesk.partnercenter.InventoryContext;
import java.util.List;

/** The body of {@code POST /extensions/product/checkinventory}: which SKUs, for whom and where. */
public record InventoryCheckJson(
    @JsonProperty("TargetItems") List<TargetItem> targetItems,
    @JsonProperty("InventoryContext") Context inventoryContext) {

  public record TargetItem(@JsonProperty("ProductId") String productId, @JsonProperty("SkuId") String skuId) {}

  public record Context(String customerId, String azureSubscriptionId, String armRegionName) {}

  /** The check of SKUs named {@code productId:skuId}. */
  public static InventoryCheckJson of(InventoryContext context, List<String> skuKeys) {
    return new InventoryCheckJson(skuKeys.stream().map(key -> {
      String[] parts = key.split(":", 2);
      return new TargetItem(parts[0], parts.length == 2 ? parts[1] : "");
    }).toList(), new Context(context.customerId(), context.azureSubscriptionId(), context.armRegionName()));
  }

  /** The SKUs checked, as {@code productId:skuId}. */
  public List<String> skuKeys() {
    return targetItems.stream().map(t -> t.productId() + ":" + t.skuId()).toList();
  }

  public InventoryContext context() {
    return new InventoryContext(inventoryContext.customerId(), inventoryContext.azureSubscriptionId(), inventoryContext.armRegionName());
  }
}
