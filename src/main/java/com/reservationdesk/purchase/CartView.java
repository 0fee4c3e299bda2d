package com.reservationdesk.purchase;

import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A purchase's cart: its open lines and their total in the purchase's currency. */
public record CartView(List<PurchaseLine> lines, Money total) {

  public static CartView of(List<PurchaseLine> lines, String currency) {
    Money total = lines.stream().map(PurchaseLine::lineTotal).reduce(Money.zero(currency), Money::plus);
    return new CartView(lines, total);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /**
   * How the total is billed: upfront lines at purchase, monthly lines a month over their term, in a
   * sentence for the review form. Empty for an empty cart.
   */
  public String billingSummary() {
    Money now = lines.stream().filter(l -> l.billingPlan() == BillingPlan.UPFRONT).map(PurchaseLine::lineTotal)
        .reduce(Money.zero(total.currency()), Money::plus);
    Map<Integer, Money> monthlyByMonths = new TreeMap<>();
    lines.stream().filter(l -> l.billingPlan() == BillingPlan.MONTHLY)
        .forEach(l -> monthlyByMonths.merge(Term.of(l.termDuration()).months(), l.monthlyTotal(), Money::plus));
    List<String> parts = new ArrayList<>();
    if (now.amount().signum() > 0) {
      parts.add("Billed at purchase: " + now.format() + ".");
    }
    monthlyByMonths.forEach((months, amount) -> parts.add("Billed monthly: " + amount.format() + " a month for " + months + " months."));
    return String.join(" ", parts);
  }
}
