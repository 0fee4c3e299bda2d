package com.reservationdesk.reservation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A new scope for a reservation: Azure's {@code PATCH …/reservations/{id}} body {@code {"properties": {"appliedScopeType":
 * …, "appliedScopes": […]}}} (learn.microsoft.com/rest/api/reserved-vm-instances/reservation/update).
 *
 * @param subscriptionId the Azure subscription for {@link AppliedScopeType#SINGLE}; null for shared
 */
public record ScopeChange(AppliedScopeType type, String subscriptionId) {

  public ScopeChange {
    Objects.requireNonNull(type, "type");
    if (type == AppliedScopeType.SINGLE && (subscriptionId == null || subscriptionId.isBlank())) {
      throw new IllegalArgumentException("A single scope names one of the customer's Azure subscriptions");
    }
    if (type == AppliedScopeType.SHARED && subscriptionId != null) {
      throw new IllegalArgumentException("A shared scope names no subscription");
    }
    subscriptionId = subscriptionId == null ? null : subscriptionId.trim().toLowerCase(Locale.ROOT);
  }

  public static ScopeChange shared() {
    return new ScopeChange(AppliedScopeType.SHARED, null);
  }

  public static ScopeChange single(String subscriptionId) {
    return new ScopeChange(AppliedScopeType.SINGLE, subscriptionId);
  }

  /** Azure's {@code appliedScopes}: the subscription's ARM id for single scope, none for shared. */
  public List<String> appliedScopes() {
    return subscriptionId == null ? List.of() : List.of("/subscriptions/" + subscriptionId);
  }

  /** Whether the reservation already has this scope (subscriptions compared without case, as ARM ids are). */
  public boolean isAlreadyOn(OwnedReservation reservation) {
    return reservation.appliedScopeType() == type && (type == AppliedScopeType.SHARED
        || reservation.appliedScopes().size() == 1 && reservation.appliedScopes().get(0).equalsIgnoreCase(subscriptionId));
  }
}
