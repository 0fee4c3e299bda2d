package com.reservationdesk.partnercenter;

import com.fasterxml.jackson.annotation.JsonValue;
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

  /** As the forms and Reservation Desk's own API write it: {@code upfront}, {@code monthly}. */
  @JsonValue
  public String formValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The plan a form or a record names: {@code upfront}, {@code MONTHLY}, any case. */
  public static java.util.Optional<BillingPlan> of(String name) {
    return java.util.Arrays.stream(values()).filter(p -> name != null && p.name().equalsIgnoreCase(name.trim())).findFirst();
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
