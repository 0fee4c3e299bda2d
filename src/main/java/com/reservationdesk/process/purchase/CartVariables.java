package com.reservationdesk.process.purchase;

import com.reservationdesk.purchase.CartView;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;

/** Writes the cart as the forms show it. */
public final class CartVariables {

  private CartVariables() {}

  public static void write(DelegateExecution execution, CartView cart) {
    setJson(execution, CART_LINES, cart.rows());
    execution.setVariable(CART_LINE_COUNT, cart.lines().size());
    execution.setVariable(CART_TOTAL, cart.total().format());
    execution.setVariable(CART_BILLING, cart.billingSummary());
  }

  /** The cart as a task's own variables: what that task's form shows, whatever the process holds. */
  public static void writeLocal(DelegateTask task, CartView cart) {
    task.setVariableLocal(CART_LINES, Spin.JSON(cart.rows()));
    task.setVariableLocal(CART_LINE_COUNT, cart.lines().size());
    task.setVariableLocal(CART_TOTAL, cart.total().format());
    task.setVariableLocal(CART_BILLING, cart.billingSummary());
  }
}
