package com.reservationdesk.usage;

import java.util.List;

/**
 * The customer's compute usage, and Azure's own recommendations where the partner may read them. Two adapters:
 * the embedded one (demo usage for the demo customers, hourly) and the live one (Partner Center's daily rated usage
 * of an Azure plan customer, and Azure's recommendation API where the partner has access to the customer's Azure
 * tenant). Nothing outside this package knows which runs.
 *
 * <p>Both methods throw {@link UnknownCustomerException} for a customer id the partner does not have, and
 * {@link UsageUnavailableException} when the source failed (saying what failed).
 */
public interface UsageSource {

  /**
   * The customer's VM usage over the look-back: one series per subscription, region and VM size that ran, none for
   * what never ran, sorted by subscription, region and size; empty for a customer without Azure plan usage.
   *
   * <p>The series end with the last whole hour (hourly sources) or the last whole day the source has (daily
   * sources: Partner Center's usage arrives a day or more late) and reach back the look-back from there, or as far
   * as the source reaches when that is less. They never hold more hours than {@link LookBack#hours()}.
   */
  List<VmUsage> vmUsage(String customerId, LookBack lookBack);

  /**
   * Azure's reservation recommendations for the customer's subscriptions over the look-back (single scope, virtual
   * machines); empty where the partner cannot read the customer's Azure tenant (the purchase then shows Reservation
   * Desk's own recommendation only).
   */
  List<AzureRecommendation> azureRecommendations(String customerId, LookBack lookBack);
}
