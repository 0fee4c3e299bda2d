package com.reservationdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.AppTest;
import com.reservationdesk.order.OrderMetrics;
import com.reservationdesk.order.OrderPlacement;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What a load balancer and an operator's monitoring read. */
@AppTest
class OperationsTest {

  @Autowired TestRestTemplate rest;
  @Autowired MeterRegistry registry;
  @Autowired OrderMetrics metrics;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void healthProbesAnswerAnyone_readinessIncludesTheDatabase() throws Exception {
    ResponseEntity<String> liveness = rest.getForEntity("/actuator/health/liveness", String.class);
    assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(liveness.getBody()).get("status").asText()).isEqualTo("UP");
    ResponseEntity<String> readiness = rest.getForEntity("/actuator/health/readiness", String.class);
    assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(readiness.getBody()).get("status").asText()).isEqualTo("UP");
  }

  @Test
  void metricsNeedALogin_andCountPurchasesOrdersAndIncidents() {
    assertThat(rest.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    double before = registry.find("reservationdesk.orders.placed").counters().stream().mapToDouble(c -> c.count()).sum();
    metrics.checkout(OrderPlacement.Outcome.PLACED, 2);
    assertThat(registry.get("reservationdesk.orders.placed").counter().count()).isEqualTo(before + 2);
    // Tests run without exporters (Spring Boot's default); the running app also serves /actuator/prometheus.
    ResponseEntity<String> names = rest.withBasicAuth("oscar", "oscar").getForEntity("/actuator/metrics", String.class);
    assertThat(names.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(names.getBody()).contains("reservationdesk.orders.placed", "reservationdesk.incidents.open",
        "reservationdesk.checkouts", "reservationdesk.purchases.running", "reservationdesk.purchases.opened");
    ResponseEntity<String> incidents = rest.withBasicAuth("oscar", "oscar")
        .getForEntity("/actuator/metrics/reservationdesk.incidents.open", String.class);
    assertThat(incidents.getBody()).contains("\"statistic\":\"VALUE\"");
  }
}
