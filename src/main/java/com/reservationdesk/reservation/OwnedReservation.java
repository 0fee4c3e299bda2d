package com.reservationdesk.reservation;

import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Term;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One reservation a customer owns: Partner Center's reserved-instance entitlement (the order it came from, its expiry)
 * joined with Azure's reservation ({@code Microsoft.Capacity/reservationOrders/{orderId}/reservations/{id}}, api-version
 * 2022-11-01: learn.microsoft.com/rest/api/reserved-vm-instances/reservation/get).
 *
 * @param reservationOrderId the purchase at Azure (a GUID); a reservation order holds one reservation until it is split
 * @param reservationId the reservation within it (a GUID)
 * @param armSkuName the VM size reserved ({@code Standard_D4s_v5}); the discount applies across its flexibility group
 * @param quantity instances of {@code armSkuName} the discount covers at once
 * @param appliedScopes the subscription ids the discount applies to: one for {@link AppliedScopeType#SINGLE}, none for
 *     {@link AppliedScopeType#SHARED}
 * @param purchaseDate the day it was bought (UTC)
 * @param expiryDate the day it ends (UTC): the purchase date plus the term
 * @param renew whether Azure buys a new reservation when it expires
 * @param provisioningState Azure's: {@code Succeeded} while in effect, {@code Expired} after its expiry; others
 *     ({@code Creating}, {@code Failed}, {@code Cancelled}, {@code Split}, {@code Merged} …) as Azure writes them
 * @param partnerCenterOrderId the Partner Center order it came from; null when Partner Center does not say
 */
public record OwnedReservation(String customerId, String reservationOrderId, String reservationId, String displayName,
    String armSkuName, String armRegionName, long quantity, AppliedScopeType appliedScopeType, List<String> appliedScopes,
    Term term, BillingPlan billingPlan, LocalDate purchaseDate, LocalDate expiryDate, boolean renew, String provisioningState,
    String partnerCenterOrderId) {

  public static final String SUCCEEDED = "Succeeded";
  public static final String EXPIRED = "Expired";

  public OwnedReservation {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(reservationOrderId, "reservationOrderId");
    Objects.requireNonNull(reservationId, "reservationId");
    Objects.requireNonNull(appliedScopeType, "appliedScopeType");
    appliedScopes = appliedScopes == null ? List.of() : List.copyOf(appliedScopes);
  }

  /** Whether the discount applies on the day: bought by then, not yet expired, and in effect at Azure. */
  public boolean isActiveOn(LocalDate day) {
    return SUCCEEDED.equalsIgnoreCase(provisioningState) && !day.isBefore(purchaseDate) && day.isBefore(expiryDate);
  }
}
