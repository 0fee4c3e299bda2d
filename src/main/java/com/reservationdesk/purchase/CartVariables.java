package com.reservationdesk.purchase;

import static com.reservationdesk.process.PurchaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Writes the cart as the forms show it. */
public final class CartVariables {

  private CartVariables() {}

  public static void write(DelegateExecution execution, CartView cart) {
    setJson(execution, CART_LINES, cart.rows());
    execution.setVariable(CART_LINE_COUNT, cart.lines().size());
    execution.setVariable(CART_TOTAL, cart.total().format());
    execution.setVariable(CART_BILLING, cart.billingSummary());
  }
}
