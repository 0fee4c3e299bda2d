package com.reservationdesk.reservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A reservation as Reservation Desk keeps it ({@code owned_reservation}): what the reservations port said at the last
 * sweep, with how well it was used and, when Reservation Desk placed its order, who bought it.
 *
 * @param utilization7d average utilization of the last 7 days, in percent; null before it was in effect a day
 * @param utilization30d the same over 30 days
 * @param utilizationDays the daily averages of the last 30 days, oldest first, for the small chart
 * @param boughtBy the agent whose purchase placed its order; null when Reservation Desk did not place it
 */
public record ReservationRecord(String reservationId, String reservationOrderId, String customerId, String customerName,
    String displayName, String armSkuName, String armRegionName, long quantity, AppliedScopeType scopeType, String scopeSubscription,
    String termDuration, String billingPlan, LocalDate purchaseDate, LocalDate expiryDate, boolean renew, String provisioningState,
    String partnerCenterOrderId, String purchaseId, String boughtBy, BigDecimal utilization7d, BigDecimal utilization30d,
    List<Double> utilizationDays, Instant syncedAt) {

  public boolean isInEffect() {
    return OwnedReservation.SUCCEEDED.equalsIgnoreCase(provisioningState);
  }

  /** Shared, or single with its subscription. */
  public String scopeLabel() {
    return scopeType == AppliedScopeType.SHARED ? "shared" : "single: " + scopeSubscription;
  }
}
