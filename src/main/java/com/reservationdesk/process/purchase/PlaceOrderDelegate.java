package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.order.OrderPlacement;
import com.reservationdesk.order.OrderService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Places the order with Partner Center and writes what the confirmation form shows. */
@Component("placeOrder")
public class PlaceOrderDelegate implements JavaDelegate {

  private final OrderService orders;

  public PlaceOrderDelegate(OrderService orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OrderPlacement placement = orders.placeOrder(execution.getProcessInstanceId());
    setDecision(execution, ORDER_OUTCOME, placement.outcome().value());
    OrderRows.write(execution, placement);
    if (placement.remainingCart() != null) {
      // What is left in the cart goes back to the agent's review.
      CartRows.write(execution, placement.remainingCart());
      execution.setVariable(REVIEW_NOTE, placement.problem());
    }
    if (placement.outcome() == OrderPlacement.Outcome.REFUSED) {
      // Nothing was ordered: a business outcome for the agent, not an incident.
      throw new BpmnError(ERROR_ORDER_REFUSED, placement.problem());
    }
  }
}
