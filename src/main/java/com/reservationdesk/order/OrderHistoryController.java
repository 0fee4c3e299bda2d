package com.reservationdesk.order;

import com.reservationdesk.partnercenter.BillingPlan;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The order history page, as the dashboard's "Done → Order history": a customer's orders newest first,
 * reached from the confirmation form; for the same users as Tasklist.
 */
@Controller
public class OrderHistoryController {

  private static final int LIMIT = 200;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH);

  private final OrderService orders;

  public OrderHistoryController(OrderService orders) {
    this.orders = orders;
  }

  @GetMapping("/orders")
  public String history(@RequestParam(required = false) String customerId, Model model) {
    boolean oneCustomer = customerId != null && !customerId.isBlank();
    List<PlacedOrder> found = oneCustomer ? orders.ordersOfCustomer(customerId.trim().toLowerCase(Locale.ROOT), LIMIT)
        : orders.newestOrders(LIMIT);
    model.addAttribute("oneCustomer", oneCustomer);
    model.addAttribute("customerName", oneCustomer && !found.isEmpty() ? found.get(0).customerName() : null);
    model.addAttribute("customerId", oneCustomer ? customerId.trim() : null);
    model.addAttribute("orders", found.stream().map(OrderHistoryController::row).toList());
    model.addAttribute("limit", LIMIT);
    return "orders";
  }

  /** One order as the page shows it. */
  public record Row(String orderId, String customerId, String customerName, String placedAt, String placedBy, List<String> lines,
      String scope, String reseller, String total, String status, String billing, String portalUrl) {}

  static Row row(PlacedOrder order) {
    List<String> lines = order.lines().stream().map(l -> l.label() + " \u00b7 " + l.lineTotal().format()).toList();
    return new Row(order.orderId(), order.customerId(), order.customerName(), WHEN.format(order.placedAt().atOffset(ZoneOffset.UTC)),
        order.placedBy() == null ? "\u2014" : order.placedBy(), lines, order.scope().apiName(),
        order.resellerName() == null ? "\u2014 (direct)" : order.resellerName() + " (MPN " + order.resellerMpnId() + ")",
        order.total().format(), order.status(), BillingPlan.fromBillingCycle(order.billingCycle()).formValue(),
        AzurePortal.reservationsOf(order.customerId()));
  }
}
