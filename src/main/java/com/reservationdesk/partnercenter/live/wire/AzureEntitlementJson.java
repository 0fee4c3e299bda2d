package com.reservationdesk.partnercenter.live.wire;

import com.reservationdesk.partnercenter.AzureEntitlement;

/** An item of {@code GET /customers/{id}/subscriptions/{planId}/azureEntitlements}. */
public record AzureEntitlementJson(String id, String friendlyName, String status, String subscriptionId) {

  public static AzureEntitlementJson of(AzureEntitlement entitlement) {
    return new AzureEntitlementJson(entitlement.id(), entitlement.friendlyName(), entitlement.status().apiName(),
        entitlement.subscriptionId());
  }

  public AzureEntitlement toEntitlement() {
    return new AzureEntitlement(id, friendlyName, SubscriptionJson.status(status), subscriptionId);
  }
}
