package com.reservationdesk.process;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What operators watch: purchases started, orders placed (by outcome), open incidents and purchases
 * in progress. Exposed at {@code /actuator/metrics} and {@code /actuator/prometheus}.
 */
@Component
public class PurchaseMetrics {

  private final MeterRegistry registry;
  private final Counter purchasesOpened;

  public PurchaseMetrics(MeterRegistry registry, RuntimeService runtime) {
    this.registry = registry;
    this.purchasesOpened = Counter.builder("reservationdesk.purchases.opened")
        .description("Purchases opened: a customer and an Azure subscription chosen").register(registry);
    Gauge.builder("reservationdesk.incidents.open", runtime, r -> r.createIncidentQuery().count())
        .description("Open incidents of any process: failed jobs waiting for an operator").register(registry);
    Gauge.builder("reservationdesk.purchases.running", runtime,
            r -> r.createProcessInstanceQuery().processDefinitionKey(PurchaseVariables.PROCESS_KEY).count())
        .description("Purchase processes not ended").register(registry);
  }

  public void purchaseOpened() {
    purchasesOpened.increment();
  }

  /** One checkout's result: placed, partlyPlaced, refused or inProgress, with the number of orders it created. */
  public void checkout(String outcome, int orders) {
    Counter.builder("reservationdesk.checkouts").tag("outcome", outcome).description("Checkouts by outcome").register(registry)
        .increment();
    Counter.builder("reservationdesk.orders.placed").description("Partner Center orders created and recorded").register(registry)
        .increment(orders);
  }
}
