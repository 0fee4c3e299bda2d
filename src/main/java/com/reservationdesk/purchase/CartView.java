package com.reservationdesk.purchase;

import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The cart as the review form shows it. */
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

  /** Rows of the review form's table. */
  public List<Map<String, Object>> rows() {
    return lines.stream().map(line -> {
      Map<String, Object> row = new LinkedHashMap<>();
      // One list serves the table and the line select: the select reads label and value.
      row.put("label", "Line " + line.lineNo() + ": " + line.quantity() + " \u00d7 " + line.description());
      row.put("value", String.valueOf(line.lineNo()));
      row.put("line", line.lineNo());
      row.put("reservation", line.reservationName() + " \u00b7 " + line.regionDisplayName() + " \u00b7 "
          + Term.label(line.termDuration()) + ", " + line.billingPlan().formValue());
      row.put("term", Term.label(line.termDuration()) + ", " + line.billingPlan().formValue());
      row.put("quantity", line.type().quantity(line.quantity()));
      row.put("unitPrice", line.unitPrice().format());
      row.put("lineTotal", line.lineTotal().format()
          + (line.billingPlan() == BillingPlan.MONTHLY ? " (" + line.monthlyTotal().format() + " a month)" : ""));
      return row;
    }).toList();
  }

}
