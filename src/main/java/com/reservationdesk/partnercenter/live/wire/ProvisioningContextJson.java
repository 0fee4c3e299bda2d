package com.reservationdesk.partnercenter.live.wire;

import com.reservationdesk.partnercenter.ProvisioningContext;

/** A reservation's {@code provisioningContext} in a cart line or an order line. */
public record ProvisioningContextJson(String subscriptionId, String scope, String duration) {

  /** null for a line without one (an Azure plan's). */
  static ProvisioningContextJson of(ProvisioningContext context) {
    return context == null ? null : new ProvisioningContextJson(context.subscriptionId(), context.scope(), context.duration());
  }

  static ProvisioningContext toContext(ProvisioningContextJson context) {
    return context == null ? null : new ProvisioningContext(context.subscriptionId(), context.scope(), context.duration());
  }
}
