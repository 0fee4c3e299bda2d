package com.reservationdesk.partnercenter;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One reservation SKU: one VM size, SQL Database tier or Cosmos DB throughput, in one region, for one
 * term ({@code dynamicAttributes} flattened).
 *
 * @param skuName the size or unit as the catalog names it: {@code D4s v5}, {@code vCore}, {@code 100 RU/s}
 * @param vmSize the VM size's attributes; null for database reservations
 * @param tier the SQL Database service tier ({@code General Purpose}) or the Cosmos DB write mode
 *     ({@code Single-region write}); null for VMs
 * @param deployment the SQL Database deployment ({@code Single database / elastic pool}, {@code Managed instance})
 * @param armRegionName {@code global} for reservations that apply in every region (Cosmos DB)
 * @param termDuration ISO period as the API writes it: {@code P1Y}, {@code P3Y}, {@code P5Y}
 * @param listPrice the whole-term price of one unit, in {@code currency}
 */
public record ReservationSku(
    String productId,
    String skuId,
    ReservationType type,
    String productName,
    String skuName,
    VmSize vmSize,
    String tier,
    String deployment,
    String armRegionName,
    String regionDisplayName,
    String termDuration,
    long minimumQuantity,
    long maximumQuantity,
    Set<BillingPlan> billingPlans,
    BigDecimal listPrice,
    String currency) {

  public static final String GLOBAL_REGION = "global";

  /** Store product and SKU, not the catalog item id: availability ids rotate. */
  public String key() {
    return productId + ":" + skuId;
  }

  /** The name an agent recognises: the ARM size for a VM, tier and unit for a database reservation. */
  public String displayName() {
    return switch (type) {
      case VIRTUAL_MACHINES -> vmSize.armSkuName();
      case SQL_DATABASE -> productName;
      case COSMOS_DB -> "Cosmos DB " + skuName + ", " + tier.toLowerCase(java.util.Locale.ROOT);
      case SAVINGS_PLAN -> productName;
    };
  }

  /** Like the API's title: {@code Reserved VM Instance, Standard_D32s_v3, US West 2, 3 Years}. */
  public String title() {
    String years = Term.isTerm(termDuration) ? Term.of(termDuration).title() : termDuration;
    String kind = switch (type) {
      case VIRTUAL_MACHINES -> "Reserved VM Instance";
      case SQL_DATABASE -> "SQL Database Reserved Capacity";
      case COSMOS_DB -> "Azure Cosmos DB Reserved Capacity";
      case SAVINGS_PLAN -> "Azure savings plan for compute";
    };
    return kind + ", " + displayName() + ", " + regionDisplayName + ", " + years;
  }

  public boolean isGlobal() {
    return GLOBAL_REGION.equals(armRegionName);
  }
}
