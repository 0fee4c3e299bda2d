package com.reservationdesk.order;

import com.reservationdesk.common.Money;
import java.time.Instant;
import java.util.List;

/** An order Partner Center created for a purchase, as Reservation Desk records it. */
public record PlacedOrder(
    String orderId,
    String purchaseId,
    String customerId,
    String customerName,
    String subscriptionId,
    String scope,
    String resellerMpnId,
    String resellerName,
    String billingCycle,
    String status,
    Money total,
    String placedBy,
    Instant placedAt,
    List<Line> lines) {

  public record Line(int lineNo, String productId, String skuId, String armSkuName, String armRegionName,
      String regionDisplayName, String termDuration, String billingPlan, long quantity, Money unitPrice, Money lineTotal) {}
}
