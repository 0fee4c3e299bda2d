package com.reservationdesk.catalog;

import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.ReservationSku;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A SKU with the billing plan the agent chose: what a cart line is made of. */
public record ReservationOffer(ReservationSku sku, BillingPlan billingPlan) {

  /** The option value a form submits: product and SKU, never the rotating availability id. */
  public String reference() {
    return sku.key();
  }

  public int termMonths() {
    return Terms.months(sku.termDuration());
  }

  /** What the customer pays a month for one unit on the monthly plan (the same total as upfront). */
  public BigDecimal monthlyPrice() {
    return sku.listPrice().divide(BigDecimal.valueOf(termMonths()), 2, RoundingMode.HALF_UP);
  }
}
