package com.reservationdesk.process.purchase;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** How many purchase processes are running, for operators. */
@Component
public class PurchaseGauges {

  public PurchaseGauges(MeterRegistry registry, RuntimeService runtime) {
    Gauge.builder("reservationdesk.purchases.running", runtime,
            r -> r.createProcessInstanceQuery().processDefinitionKey(PurchaseVariables.PROCESS_KEY).count())
        .description("Purchase processes not ended").register(registry);
  }
}
