package com.reservationdesk.order;

import static com.reservationdesk.process.PurchaseVariables.*;

import com.reservationdesk.catalog.Terms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    OrderPlacement placement = orders.placeOrder(string(execution, PURCHASE_ID));
    execution.setVariable(ORDER_NUMBERS, placement.orderNumbers());
    execution.setVariable(ORDER_COUNT, placement.orders().size());
    execution.setVariable(ORDER_STATUS, String.join(", ", placement.orders().stream().map(PlacedOrder::status).distinct().toList()));
    execution.setVariable(ORDER_TOTAL, placement.total() == null ? null : placement.total().format());
    execution.setVariable(ORDER_FAILURES, String.join("\n", placement.failures()));
    execution.setVariable(AZURE_PORTAL_URL, placement.azurePortalUrl());
    setJson(execution, ORDER_SUMMARY, summary(placement.orders()));
  }

  private static List<Map<String, Object>> summary(List<PlacedOrder> orders) {
    return orders.stream().flatMap(order -> order.lines().stream().map(line -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("orderId", order.orderId());
      row.put("reservation", line.armSkuName() + " \u00b7 " + line.regionDisplayName() + " \u00b7 "
          + Terms.label(line.termDuration()) + ", " + line.billingPlan());
      row.put("quantity", line.quantity());
      row.put("lineTotal", line.lineTotal().format());
      return row;
    })).toList();
  }
}
