package com.reservationdesk.partnercenter;

import java.util.Locale;

/** How the customer pays a reservation: all at once, or the same total in monthly instalments. */
public enum BillingPlan {
  UPFRONT("one_time"),
  MONTHLY("monthly");

  private final String billingCycle;

  BillingPlan(String billingCycle) {
    this.billingCycle = billingCycle;
  }

  /** The cart line's {@code billingCycle}. */
  public String billingCycle() {
    return billingCycle;
  }

  public String formValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static BillingPlan fromBillingCycle(String billingCycle) {
    for (BillingPlan plan : values()) {
      if (plan.billingCycle.equals(billingCycle)) {
        return plan;
      }
    }
    throw new IllegalArgumentException("Unknown billing cycle " + billingCycle);
  }
}
