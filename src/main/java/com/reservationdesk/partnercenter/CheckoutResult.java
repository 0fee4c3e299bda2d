package com.reservationdesk.partnercenter;

import java.util.List;

/** One cart can yield several orders and can partly fail. */
public record CheckoutResult(List<Order> orders, List<OrderError> orderErrors) {

  public record OrderError(String orderGroupId, String code, String description) {}
}
