package com.reservationdesk.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** What operators count of checkouts: each one's outcome, and the orders they created. */
@Component
public class OrderMetrics {

  private final MeterRegistry registry;

  public OrderMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void checkout(OrderPlacement.Outcome outcome, int orders) {
    Counter.builder("reservationdesk.checkouts").tag("outcome", outcome.value()).description("Checkouts by outcome")
        .register(registry).increment();
    Counter.builder("reservationdesk.orders.placed").description("Partner Center orders created and recorded").register(registry)
        .increment(orders);
  }
}
