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
 * @param unitPrice the whole-term price of one unit in the purchase's currency; for a savings plan, its commitment over
 *     the term's hours
 * @param hourlyCommitment a savings plan's commitment an hour, in the purchase's currency; null for a reservation
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
    Money unitPrice,
    java.math.BigDecimal hourlyCommitment) {

  /** A reservation's line. */
  public PurchaseLine(int lineNo, String productId, String skuId, ReservationType type, String reservationName, String armRegionName,
      String regionDisplayName, String termDuration, BillingPlan billingPlan, long quantity, Money unitPrice) {
    this(lineNo, productId, skuId, type, reservationName, armRegionName, regionDisplayName, termDuration, billingPlan, quantity,
        unitPrice, null);
  }

  public boolean isSavingsPlan() {
    return type == ReservationType.SAVINGS_PLAN;
  }

  public Money lineTotal() {
    return unitPrice.times(quantity);
  }

  /** What the line costs a month on the monthly plan: the line total spread over the term. */
  public Money monthlyTotal() {
    return new Money(lineTotal().amount().divide(BigDecimal.valueOf(Term.of(termDuration).months()), 10,
        RoundingMode.HALF_UP), unitPrice.currency());
  }

  /** {@code Standard_D4s_v5 · EU West · 3 years, upfront}; {@code Savings plan for compute · $2.50 an hour · 3 years, monthly}. */
  public String description() {
    if (isSavingsPlan()) {
      return ReservationLabel.withBilling(reservationName, new Money(hourlyCommitment, unitPrice.currency()).format() + " an hour",
          termDuration, billingPlan);
    }
    return ReservationLabel.withBilling(reservationName, regionDisplayName, termDuration, billingPlan);
  }
}
