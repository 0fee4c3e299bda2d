package com.reservationdesk.process.purchase;

import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.order.PlacedOrder;
import com.reservationdesk.order.OrderPlacement;
import com.reservationdesk.order.OrderService;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.reservationdesk.process.purchase.CartVariables;
import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Places the order with Partner Center and writes what the confirmation form shows. */
@Component("placeOrder")
public class PlaceOrderDelegate implements JavaDelegate {

  private final OrderService orders;
  private final PurchaseService purchases;

  public PlaceOrderDelegate(OrderService orders, PurchaseService purchases) {
    this.orders = orders;
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OrderPlacement placement = orders.placeOrder(execution.getProcessInstanceId());
    setDecision(execution, ORDER_OUTCOME, placement.outcome().value());
    execution.setVariable(ORDER_PROBLEM, placement.problem());
    execution.setVariable(ORDER_NUMBERS, placement.orderNumbers());
    execution.setVariable(ORDER_COUNT, placement.orders().size());
    execution.setVariable(ORDER_STATUS, String.join(", ", placement.orders().stream().map(PlacedOrder::status).distinct().toList()));
    execution.setVariable(ORDER_TOTAL, placement.total() == null ? null : placement.total().format());
    execution.setVariable(AZURE_PORTAL_URL, placement.azurePortalUrl());
    setJson(execution, ORDER_SUMMARY, summary(placement.orders()));
    if (placement.outcome() == OrderPlacement.Outcome.REFUSED || placement.outcome() == OrderPlacement.Outcome.PARTLY_PLACED) {
      // What is left in the cart goes back to the agent's review.
      CartVariables.write(execution, purchases.cart(execution.getProcessInstanceId()));
      execution.setVariable(REVIEW_NOTE, placement.problem());
    }
    if (placement.outcome() == OrderPlacement.Outcome.REFUSED) {
      // Nothing was ordered: a business outcome for the agent, not an incident.
      throw new BpmnError(ERROR_ORDER_REFUSED, placement.problem());
    }
  }


  private static List<Map<String, Object>> summary(List<PlacedOrder> orders) {
    return orders.stream().flatMap(order -> order.lines().stream().map(line -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("orderId", order.orderId());
      row.put("reservation", line.armSkuName() + " \u00b7 " + line.regionDisplayName() + " \u00b7 "
          + Term.label(line.termDuration()) + ", " + line.billingPlan());
      row.put("quantity", line.quantity());
      row.put("lineTotal", line.lineTotal().format());
      return row;
    })).toList();
  }
}
