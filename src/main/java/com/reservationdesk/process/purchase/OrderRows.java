package com.reservationdesk.process.purchase;

import com.reservationdesk.catalog.ReservationLabel;
import com.reservationdesk.order.OrderPlacement;
import com.reservationdesk.order.PlacedOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;

/** What the confirmation form shows of a checkout: the order numbers, status and total, a row per ordered line. */
final class OrderRows {

  private OrderRows() {}

  static void write(DelegateExecution execution, OrderPlacement placement) {
    execution.setVariable(PurchaseVariables.ORDER_PROBLEM, placement.problem());
    execution.setVariable(PurchaseVariables.ORDER_NUMBERS, placement.orderNumbers());
    execution.setVariable(PurchaseVariables.ORDER_COUNT, placement.orders().size());
    execution.setVariable(PurchaseVariables.ORDER_STATUS,
        String.join(", ", placement.orders().stream().map(PlacedOrder::status).distinct().toList()));
    execution.setVariable(PurchaseVariables.ORDER_TOTAL, placement.total() == null ? null : placement.total().format());
    execution.setVariable(PurchaseVariables.AZURE_PORTAL_URL, placement.azurePortalUrl());
    execution.setVariable(PurchaseVariables.ORDER_SUMMARY, Spin.JSON(rows(placement.orders())));
  }

  static List<Map<String, Object>> rows(List<PlacedOrder> orders) {
    return orders.stream().flatMap(order -> order.lines().stream().map(line -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("orderId", order.orderId());
      row.put("reservation", ReservationLabel.withBilling(line.armSkuName(), line.regionDisplayName(), line.termDuration(),
          line.billingPlan()));
      row.put("quantity", line.quantity());
      row.put("lineTotal", line.lineTotal().format());
      return row;
    })).toList();
  }
}
