package com.reservationdesk.usage;

import java.util.List;

/**
 * The customer's compute usage, and Azure's own recommendations where the partner may read them. Two adapters:
 * the embedded one (demo usage for the demo customers) and the live one (Partner Center's daily rated usage of an
 * Azure plan customer, and Azure's recommendation API where the partner has access to the customer's Azure
 * tenant). Nothing outside this package knows which runs.
 */
public interface UsageSource {

  /**
   * The customer's pay-as-you-go VM usage over the look-back, ending at the start of the current hour: one series
   * per subscription, region and VM size that ran, none for what never ran.
   */
  List<VmUsage> vmUsage(String customerId, LookBack lookBack);

  /**
   * Azure's reservation recommendations for the customer's subscriptions over the look-back; empty where the partner
   * cannot read the customer's Azure tenant (the purchase then shows Reservation Desk's own recommendation only).
   */
  List<AzureRecommendation> azureRecommendations(String customerId, LookBack lookBack);
}
