package com.reservationdesk.purchase;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What operators count of purchases: how many were opened. Exposed at {@code /actuator/metrics} and
 * {@code /actuator/prometheus}, beside the checkouts ({@code OrderMetrics}) and the engine's gauges.
 */
@Component
public class PurchaseMetrics {

  private final MeterRegistry registry;
  private final Counter purchasesOpened;

  public PurchaseMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.purchasesOpened = Counter.builder("reservationdesk.purchases.opened")
        .description("Purchases opened: a customer and an Azure subscription chosen").register(registry);
  }

  public void purchaseOpened() {
    purchasesOpened.increment();
  }
}
