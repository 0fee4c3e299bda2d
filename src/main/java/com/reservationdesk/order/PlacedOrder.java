package com.reservationdesk.order;

import com.reservationdesk.catalog.ReservationLabel;
import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Scope;
import java.time.Instant;
import java.util.List;

/** An order Partner Center created for a purchase, as Reservation Desk records it. */
public record PlacedOrder(
    String orderId,
    String purchaseId,
    String customerId,
    String customerName,
    String subscriptionId,
    Scope scope,
    String resellerMpnId,
    String resellerName,
    String billingCycle,
    String status,
    Money total,
    String placedBy,
    Instant placedAt,
    List<Line> lines) {

  public record Line(int lineNo, String productId, String skuId, String armSkuName, String armRegionName,
      String regionDisplayName, String termDuration, BillingPlan billingPlan, long quantity, Money unitPrice, Money lineTotal) {

    /** {@code 30 × Standard_D4s_v5 · EU West · 3 years, upfront}. */
    public String label() {
      return ReservationLabel.withQuantity(quantity, armSkuName, regionDisplayName, termDuration, billingPlan);
    }
  }
}
