package com.reservationdesk.catalog;

import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Term;

/** How every page and form names a reservation: {@code Standard_D4s_v5 · EU West · 3 years}. One place. */
public final class ReservationLabel {

  private static final String DOT = " \u00b7 ";

  private ReservationLabel() {}

  /** {@code Standard_D4s_v5 · EU West · 3 years}. */
  public static String of(String name, String regionDisplayName, String termDuration) {
    return name + DOT + regionDisplayName + DOT + Term.label(termDuration);
  }

  /** {@code 3 years, upfront}. */
  public static String term(String termDuration, BillingPlan plan) {
    return Term.label(termDuration) + ", " + plan.formValue();
  }

  /** {@code Standard_D4s_v5 · EU West · 3 years, upfront}. */
  public static String withBilling(String name, String regionDisplayName, String termDuration, BillingPlan plan) {
    return name + DOT + regionDisplayName + DOT + term(termDuration, plan);
  }

  /** {@code 30 × Standard_D4s_v5 · EU West · 3 years, upfront}. */
  public static String withQuantity(long quantity, String name, String regionDisplayName, String termDuration, BillingPlan plan) {
    return quantity + " \u00d7 " + withBilling(name, regionDisplayName, termDuration, plan);
  }
}
