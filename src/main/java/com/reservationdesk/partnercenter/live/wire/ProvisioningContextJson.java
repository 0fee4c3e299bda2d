package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.reservationdesk.partnercenter.ProvisioningContext;
import com.reservationdesk.partnercenter.Scope;

/**
 * A cart or order line's {@code provisioningContext}: a reservation's {@code subscriptionId}, {@code scope} and
 * {@code duration}; a savings plan's {@code scope} with the Azure plan's {@code subscriptionId} (shared) or the Azure
 * subscription's {@code entitlementId} (single), and no duration
 * (learn.microsoft.com/partner-center/developer/azure-purchase-savings-plan).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvisioningContextJson(String subscriptionId, String scope, String duration, String entitlementId) {

  /** null for a line without one (an Azure plan's). */
  static ProvisioningContextJson of(ProvisioningContext context, boolean savingsPlan) {
    if (context == null) {
      return null;
    }
    if (savingsPlan && Scope.SINGLE.apiName().equals(context.scope())) {
      return new ProvisioningContextJson(null, context.scope(), context.duration(), context.subscriptionId());
    }
    return new ProvisioningContextJson(context.subscriptionId(), context.scope(), context.duration(), null);
  }

  static ProvisioningContext toContext(ProvisioningContextJson context) {
    return context == null ? null : new ProvisioningContext(context.subscriptionId() != null ? context.subscriptionId()
        : context.entitlementId(), context.scope(), context.duration());
  }
}
