package com.reservationdesk.order;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Read-only access to the orders Reservation Desk placed; authenticated like {@code /engine-rest}. */
@RestController
@RequestMapping("/api/orders")
public class OrderController {

  private static final int MAX_LIMIT = 500;

  private final OrderService orders;

  public OrderController(OrderService orders) {
    this.orders = orders;
  }

  /** A customer's orders (or everyone's, without {@code customerId}), newest first. */
  @GetMapping
  public List<PlacedOrder> list(@RequestParam(required = false) String customerId,
      @RequestParam(defaultValue = "50") int limit) {
    int capped = Math.max(1, Math.min(limit, MAX_LIMIT));
    return customerId == null || customerId.isBlank() ? orders.newestOrders(capped)
        : orders.ordersOfCustomer(customerId.trim().toLowerCase(), capped);
  }

  @GetMapping("/{orderId}")
  public PlacedOrder get(@PathVariable String orderId) {
    return orders.order(orderId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + orderId));
  }
}
