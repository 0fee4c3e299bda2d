package com.reservationdesk;

import static com.reservationdesk.process.purchase.PurchaseVariables.PROCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A backlog of orders, as after a restart: 50 purchases are bought while no job executor runs, then the
 * app starts with its job executor, which places the orders many at once. Each order job holds a
 * connection for its transaction while the embedded Partner Center commits on its own: no attempt may
 * fail for want of a connection, and every purchase ends with exactly one order.
 */
@Tag("own-engine")
class OrderBacklogTest {

  static final int PURCHASES = 50;

  @TempDir Path dataDir;

  @Test
  void fiftyOrderJobsAtOnce_noAttemptFails_andEachPurchaseGetsOneOrder() throws Exception {
    List<String> purchases = new ArrayList<>();
    try (ConfigurableApplicationContext app = start(false)) {
      ManagementService management = app.getBean(ManagementService.class);
      for (int i = 0; i < PURCHASES; i++) {
        PurchaseDriver purchase = PurchaseDriver.start(app, "alice", i % 2 == 0 ? "Contoso Ltd" : "Tailspin Toys");
        purchase.upToBuy();
        // The subscription is registered already: what is left is the order.
        management.executeJob(management.createJobQuery().processInstanceId(purchase.instanceId())
            .activityId("ServiceTask_RegisterSubscription").singleResult().getId());
        purchases.add(purchase.instanceId());
      }
      assertThat(management.createJobQuery().activityId("ServiceTask_PlaceOrder").executable().count())
          .as("order jobs waiting").isEqualTo(PURCHASES);
    }

    try (ConfigurableApplicationContext app = start(true)) {
      TaskService tasks = app.getBean(TaskService.class);
      HistoryService history = app.getBean(HistoryService.class);
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      long confirmations = 0;
      while (confirmations < PURCHASES && System.nanoTime() < deadline) {
        List<HistoricJobLog> failures = history.createHistoricJobLogQuery().failureLog().list();
        assertThat(failures).as("failed job attempts").extracting(HistoricJobLog::getJobExceptionMessage).isEmpty();
        Thread.sleep(100);
        confirmations = tasks.createTaskQuery().processInstanceIdIn(purchases.toArray(String[]::new))
            .taskDefinitionKey("UserTask_ShowConfirmation").count();
      }
      assertThat(confirmations).as("purchases whose order was placed").isEqualTo(PURCHASES);

      assertThat(history.createHistoricJobLogQuery().failureLog().count()).as("failed job attempts").isZero();
      assertThat(app.getBean(RuntimeService.class).createIncidentQuery().count()).as("incidents").isZero();
      assertThat(app.getBean(ManagementService.class).createJobQuery().processDefinitionKey(PROCESS_KEY).noRetriesLeft().count())
          .isZero();
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      List<Map<String, Object>> ordersPerPurchase = jdbc.queryForList("""
          select p.id, count(o.order_id) as orders from purchase p left join placed_order o on o.purchase_id = p.id group by p.id""");
      assertThat(ordersPerPurchase).hasSize(PURCHASES)
          .allSatisfy(row -> assertThat(((Number) row.get("orders")).intValue()).as("orders of purchase " + row.get("id")).isOne());
      assertThat(jdbc.queryForObject("select count(*) from pc_order", Integer.class)).as("Partner Center: no duplicate")
          .isEqualTo(PURCHASES);
    }
  }

  /** The app on its default H2 file database, with or without its job executor (defaults otherwise). */
  private ConfigurableApplicationContext start(boolean jobExecutor) {
    return new SpringApplicationBuilder(ReservationDeskApplication.class).run(
        "--server.port=0",
        "--reservation-desk.data-dir=" + dataDir,
        "--reservation-desk.embedded.registration-delay=PT0S",
        "--camunda.bpm.job-execution.enabled=" + jobExecutor,
        "--camunda.bpm.job-execution.wait-time-in-millis=50",
        "--camunda.bpm.job-execution.max-wait=200",
        // Camunda keeps engines in a static registry by name: do not replace another test's.
        "--camunda.bpm.process-engine-name=order-backlog-test");
  }
}
