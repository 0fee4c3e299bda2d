package com.reservationdesk.purchase;

import com.reservationdesk.catalog.ReservationLabel;
import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Term;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One cart line: a reservation SKU, how it is paid and how many, at the price shown to the agent.
 *
 * @param reservationName the VM size, SQL Database product or Cosmos DB throughput
 * @param unitPrice the whole-term price of one unit in the purchase's currency
 */
public record PurchaseLine(
    int lineNo,
    String productId,
    String skuId,
    ReservationType type,
    String reservationName,
    String armRegionName,
    String regionDisplayName,
    String termDuration,
    BillingPlan billingPlan,
    long quantity,
    Money unitPrice) {

  public Money lineTotal() {
    return unitPrice.times(quantity);
  }

  /** What the line costs a month on the monthly plan: the line total spread over the term. */
  public Money monthlyTotal() {
    return new Money(lineTotal().amount().divide(BigDecimal.valueOf(Term.of(termDuration).months()), 10,
        RoundingMode.HALF_UP), unitPrice.currency());
  }

  /** {@code Standard_D4s_v5 · EU West · 3 years, upfront}. */
  public String description() {
    return ReservationLabel.withBilling(reservationName, regionDisplayName, termDuration, billingPlan);
  }
}
