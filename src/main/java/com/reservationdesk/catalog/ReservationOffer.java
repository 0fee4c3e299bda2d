package com.reservationdesk.catalog;

import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.Term;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A SKU with the billing plan the agent chose and its price in the customer's currency: what a cart
 * line is made of.
 *
 * @param unitPrice the whole-term price of one unit, in the customer's currency
 * @param threeYearSaving percent a month the 3-year term saves against 1 year for this size and region; null if not sold
 * @param fiveYearSaving the same for 5 years
 * @param restriction why the inventory check refuses it for the subscription; null when it can be bought or was not checked
 */
public record ReservationOffer(ReservationSku sku, BillingPlan billingPlan, Money unitPrice, BigDecimal threeYearSaving,
    BigDecimal fiveYearSaving, String restriction) {

  /** The option value a form submits: product and SKU, never the rotating availability id. */
  public String reference() {
    return sku.key();
  }

  public int termMonths() {
    return Term.of(sku.termDuration()).months();
  }

  /** The effective monthly cost of one unit: the same for both billing plans, since the total is the same. */
  public Money monthlyPrice() {
    return new Money(unitPrice.amount().divide(BigDecimal.valueOf(termMonths()), 10, RoundingMode.HALF_UP), unitPrice.currency());
  }

  public boolean isRestricted() {
    return restriction != null;
  }

  ReservationOffer restricted(String reason) {
    return new ReservationOffer(sku, billingPlan, unitPrice, threeYearSaving, fiveYearSaving, reason);
  }
}
