package com.reservationdesk.purchase;

/** Where a purchase stands: its cart can change only while it is {@code OPEN}. */
public enum PurchaseStatus {
  OPEN,
  ORDERING,
  ORDERED,
  CANCELLED,
  /** Not bought within the cart's lifetime (policy). */
  EXPIRED
}
