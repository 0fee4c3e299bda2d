package com.reservationdesk.process.purchase;

import com.reservationdesk.catalog.ReservationLabel;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.purchase.CartView;
import com.reservationdesk.purchase.PurchaseLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;

/** The cart as the forms show it: the review's table and line select, the totals, how it is billed. */
final class CartRows {

  private CartRows() {}

  static void write(DelegateExecution execution, CartView cart) {
    execution.setVariable(PurchaseVariables.CART_LINES, Spin.JSON(rows(cart)));
    execution.setVariable(PurchaseVariables.CART_LINE_COUNT, cart.lines().size());
    execution.setVariable(PurchaseVariables.CART_TOTAL, cart.total().format());
    execution.setVariable(PurchaseVariables.CART_BILLING, cart.billingSummary());
  }

  /** The cart as a task's own variables: what that task's form shows, whatever the process holds. */
  static void writeLocal(DelegateTask task, CartView cart) {
    task.setVariableLocal(PurchaseVariables.CART_LINES, Spin.JSON(rows(cart)));
    task.setVariableLocal(PurchaseVariables.CART_LINE_COUNT, cart.lines().size());
    task.setVariableLocal(PurchaseVariables.CART_TOTAL, cart.total().format());
    task.setVariableLocal(PurchaseVariables.CART_BILLING, cart.billingSummary());
  }

  /** One list serves the table and the line select: the select reads label and value, the table its columns. */
  static List<Map<String, Object>> rows(CartView cart) {
    return cart.lines().stream().map(CartRows::row).toList();
  }

  private static Map<String, Object> row(PurchaseLine line) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("label", "Line " + line.lineNo() + ": " + line.quantity() + " \u00d7 " + line.description());
    row.put("value", String.valueOf(line.lineNo()));
    row.put("line", line.lineNo());
    row.put("reservation", line.description());
    row.put("term", ReservationLabel.term(line.termDuration(), line.billingPlan()));
    row.put("quantity", line.type().quantity(line.quantity()));
    row.put("unitPrice", line.unitPrice().format());
    row.put("lineTotal", line.lineTotal().format()
        + (line.billingPlan() == BillingPlan.MONTHLY ? " (" + line.monthlyTotal().format() + " a month)" : ""));
    return row;
  }
}
