package com.reservationdesk.engine.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** What operators watch of the engine itself: open incidents of any process, failed jobs waiting for them. */
@Component
public class EngineMetrics {

  public EngineMetrics(MeterRegistry registry, RuntimeService runtime) {
    Gauge.builder("reservationdesk.incidents.open", runtime, r -> r.createIncidentQuery().count())
        .description("Open incidents of any process: failed jobs waiting for an operator").register(registry);
  }
}
