package com.reservationdesk.partnercenter;

/** A customer's subscription as {@code GET /customers/{id}/subscriptions} returns it. */
public record Subscription(
    String id,
    String offerId,
    String offerName,
    String friendlyName,
    SubscriptionStatus status,
    boolean isTrial,
    String partnerId) {

  /** The Azure plan's product, the modern way to buy Azure in CSP. */
  public static final String AZURE_PLAN_PRODUCT_ID = "DZH318Z0BPS6";
  /** The legacy CSP Azure offer (one Azure subscription per offer subscription). */
  public static final String LEGACY_AZURE_OFFER_ID = "MS-AZR-0145P";

  public boolean isAzurePlan() {
    return offerId != null && offerId.startsWith(AZURE_PLAN_PRODUCT_ID);
  }

  public boolean isLegacyAzureOffer() {
    return LEGACY_AZURE_OFFER_ID.equalsIgnoreCase(offerId);
  }
}
