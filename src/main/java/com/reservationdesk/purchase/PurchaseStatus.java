package com.reservationdesk.purchase;

/** Where a purchase stands: its cart can change only while it is {@code OPEN}. */
public enum PurchaseStatus {
  /** Started: the customer or the Azure subscription is not chosen yet. */
  DRAFT,
  OPEN,
  ORDERING,
  ORDERED,
  CANCELLED,
  /** Not bought within the cart's lifetime (policy). */
  EXPIRED
}
