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

  /** @param hourlyCommitment a savings plan's commitment an hour; null for a reservation */
  public record Line(int lineNo, String productId, String skuId, String armSkuName, String armRegionName,
      String regionDisplayName, String termDuration, BillingPlan billingPlan, long quantity, Money unitPrice, Money lineTotal,
      java.math.BigDecimal hourlyCommitment) {

    public Line(int lineNo, String productId, String skuId, String armSkuName, String armRegionName, String regionDisplayName,
        String termDuration, BillingPlan billingPlan, long quantity, Money unitPrice, Money lineTotal) {
      this(lineNo, productId, skuId, armSkuName, armRegionName, regionDisplayName, termDuration, billingPlan, quantity, unitPrice,
          lineTotal, null);
    }

    /** {@code 30 × Standard_D4s_v5 · EU West · 3 years, upfront}; {@code Savings plan for compute · $2.50 an hour · 3 years, monthly}. */
    public String label() {
      if (hourlyCommitment != null) {
        return ReservationLabel.withBilling(armSkuName, new Money(hourlyCommitment, unitPrice.currency()).format() + " an hour",
            termDuration, billingPlan);
      }
      return ReservationLabel.withQuantity(quantity, armSkuName, regionDisplayName, termDuration, billingPlan);
    }
  }
}
