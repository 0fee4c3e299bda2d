package com.reservationdesk.partnercenter;

/**
 * A cart line: a reservation, or an Azure savings plan ({@link SavingsPlanProduct}), which is bought one at a time
 * ({@code quantity} 1) with an hourly commitment and a provisioning context without duration
 * ({@link ProvisioningContext#savingsPlan}).
 *
 * @param billingCycle {@code one_time} (upfront) or {@code monthly}
 * @param termDuration {@code P1Y}, {@code P3Y} or {@code P5Y}
 * @param resellerMpnId the {@code transaction_reseller} participant; null for a direct-bill partner
 * @param purchaseCommitment a savings plan's hourly commitment; null for a reservation (which has a quantity instead)
 */
public record CartLineItem(
    int id,
    String catalogItemId,
    long quantity,
    String billingCycle,
    String termDuration,
    ProvisioningContext provisioningContext,
    String resellerMpnId,
    PurchaseCommitment purchaseCommitment) {

  /** A reservation's line: a quantity, no commitment. */
  public CartLineItem(int id, String catalogItemId, long quantity, String billingCycle, String termDuration,
      ProvisioningContext provisioningContext, String resellerMpnId) {
    this(id, catalogItemId, quantity, billingCycle, termDuration, provisioningContext, resellerMpnId, null);
  }

  public boolean isSavingsPlan() {
    return purchaseCommitment != null;
  }
}
