package com.reservationdesk.purchase;

import java.util.Set;

/** Where a purchase stands: its cart can change only while it is {@code OPEN}. See {@link PurchaseLifecycle}. */
public enum PurchaseStatus {
  /** Started: the customer or the Azure subscription is not chosen yet. */
  DRAFT,
  OPEN,
  ORDERING,
  ORDERED,
  CANCELLED,
  /** Not bought within the cart's lifetime (policy). */
  EXPIRED,
  /** The cart of an exchange: handed to the exchange, which buys it in one step with what it returns. */
  EXCHANGED;

  /** The statuses this one may become. */
  public Set<PurchaseStatus> next() {
    return switch (this) {
      case DRAFT -> Set.of(OPEN, CANCELLED, EXPIRED);
      // An open cart may hold lines ordered by an earlier, partly placed checkout: ending it makes it ORDERED.
      case OPEN -> Set.of(ORDERING, CANCELLED, EXPIRED, ORDERED, EXCHANGED);
      case ORDERING -> Set.of(OPEN, ORDERED, CANCELLED);
      case ORDERED, CANCELLED, EXPIRED, EXCHANGED -> Set.of();
    };
  }

  public boolean canBecome(PurchaseStatus status) {
    return next().contains(status);
  }
}
