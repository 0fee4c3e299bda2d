package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.SubscriptionStatus;

/** An item of {@code GET /customers/{id}/subscriptions}. */
public record SubscriptionJson(
    String id,
    String offerId,
    String offerName,
    String friendlyName,
    String status,
    @JsonProperty("isTrial") boolean isTrial,
    String partnerId,
    String entitlementId) {

  public static SubscriptionJson of(Subscription subscription) {
    return new SubscriptionJson(subscription.id(), subscription.offerId(), subscription.offerName(), subscription.friendlyName(),
        subscription.status().apiName(), subscription.isTrial(), subscription.partnerId(), subscription.id());
  }

  public Subscription toSubscription() {
    return new Subscription(id, offerId, offerName, friendlyName, status(status), isTrial, partnerId);
  }

  /** A subscription's or an Azure entitlement's status; none yet means it is being set up. */
  static SubscriptionStatus status(String status) {
    try {
      return status == null ? SubscriptionStatus.PENDING : SubscriptionStatus.fromApi(status);
    } catch (IllegalArgumentException e) {
      // A status the product does not know (e.g. "disabled") can never buy: treat it as suspended.
      return SubscriptionStatus.SUSPENDED;
    }
  }
}
