package com.reservationdesk.partnercenter;

/**
 * A cart or order line's {@code provisioningContext}.
 *
 * <p>A reservation names the Azure subscription, the scope and the reservation's duration. A savings plan has no
 * duration, and the id it names depends on its scope: {@code shared} names the customer's Azure plan, {@code single} an
 * Azure subscription of that plan. Partner Center sends the latter as {@code entitlementId} (which it documents as the
 * Azure subscription's id); the live adapter's wire record writes it so, and here it is {@code subscriptionId} either way
 * (learn.microsoft.com/partner-center/developer/azure-purchase-savings-plan).
 *
 * @param subscriptionId the Azure subscription (a reservation, a single-scope savings plan) or the Azure plan (a
 *     shared savings plan)
 * @param scope {@code single} or {@code shared}
 * @param duration a reservation's {@code 1Year}, {@code 3Years} or {@code 5Years}; null for a savings plan
 */
public record ProvisioningContext(String subscriptionId, String scope, String duration) {

  public static String durationOf(String termDuration) {
    return Term.of(termDuration).duration();
  }

  /**
   * A savings plan's context: {@code shared} with the customer's Azure plan id, or {@code single} with the Azure
   * subscription's (entitlement) id.
   */
  public static ProvisioningContext savingsPlan(Scope scope, String azurePlanOrSubscriptionId) {
    return new ProvisioningContext(azurePlanOrSubscriptionId, scope.apiName(), null);
  }
}
