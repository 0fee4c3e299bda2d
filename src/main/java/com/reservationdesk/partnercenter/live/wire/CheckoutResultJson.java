package com.reservationdesk.partnercenter.live.wire;

import com.reservationdesk.partnercenter.CheckoutResult;
import java.util.List;

/** The answer of {@code POST …/carts/{cartId}/checkout}: one cart can yield several orders and can partly fail. */
public record CheckoutResultJson(List<OrderJson> orders, List<OrderError> orderErrors) {

  public record OrderError(String orderGroupId, String code, String description) {}

  public static CheckoutResultJson of(CheckoutResult result) {
    return new CheckoutResultJson(result.orders().stream().map(OrderJson::of).toList(), result.orderErrors().stream()
        .map(e -> new OrderError(e.orderGroupId(), e.code(), e.description())).toList());
  }

  public CheckoutResult toResult() {
    return new CheckoutResult(orders == null ? List.of() : orders.stream().map(OrderJson::toOrder).toList(),
        orderErrors == null ? List.of() : orderErrors.stream()
            .map(e -> new CheckoutResult.OrderError(e.orderGroupId(), e.code(), e.description())).toList());
  }
}
