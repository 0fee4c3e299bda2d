package com.reservationdesk.reservation;

import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Term;
import java.util.Locale;
import java.util.Objects;

/**
 * A VM reservation to buy in an exchange: Azure's {@code reservationsToPurchase} entry of {@code calculateExchange}
 * ({@code sku.name}, {@code location}, {@code term}, {@code billingPlan}, {@code quantity}, {@code appliedScopeType},
 * {@code billingScopeId}, {@code displayName}), instance size flexibility on, not renewed.
 *
 * @param subscriptionId the customer's Azure subscription it is billed to (Azure's {@code billingScopeId}) and, for a single
 *     scope, the one its discount applies to. Azure needs one for a shared scope too, so it is the brief's
 *     {@code scopeSubscription} made required.
 * @param displayName the name it gets; null for Azure's default
 */
public record NewReservation(String armSkuName, String region, Term term, BillingPlan billingPlan, long quantity,
    AppliedScopeType scopeType, String subscriptionId, String displayName) {

  public NewReservation {
    Objects.requireNonNull(armSkuName, "armSkuName");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(billingPlan, "billingPlan");
    Objects.requireNonNull(scopeType, "scopeType");
    if (subscriptionId == null || subscriptionId.isBlank()) {
      throw new IllegalArgumentException("A reservation bought in an exchange is billed to one of the customer's Azure subscriptions");
    }
    if (quantity < 1 || quantity > 999_999_999) {
      throw new IllegalArgumentException("A reservation is bought for 1 to 999,999,999 instances, not " + quantity);
    }
    region = region.trim().toLowerCase(Locale.ROOT);
    subscriptionId = subscriptionId.trim().toLowerCase(Locale.ROOT);
  }
}
