package com.reservationdesk;

import static com.reservationdesk.process.refund.ReturnVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.embedded.DemoDataSeeder;
import com.reservationdesk.policy.RefundPolicy.Kind;
import com.reservationdesk.process.purchase.PurchaseVariables;
import com.reservationdesk.refund.RefundBudget;
import com.reservationdesk.refund.ReturnRequest;
import com.reservationdesk.refund.ReturnStatus;
import com.reservationdesk.refund.Returns;
import com.reservationdesk.reservation.OwnedReservation;
import com.reservationdesk.reservation.RefundQuote;
import com.reservationdesk.reservation.ReservationInventory;
import com.reservationdesk.reservation.ReservationReturns;
import com.reservationdesk.reservation.ReservationSweep;
import com.reservationdesk.reservation.ReturnLine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Returns and exchanges on the running app, its database and the embedded Azure, as agents and approvers do them
 * through the REST API: a return within the refund budget end to end; a return over the budget refused with the
 * numbers; two returns submitted at once that the budget holds only one of; an exchange that does not count; the
 * attacks of the form contract on the return's tasks; and a retry after Azure returned but before the ledger knew.
 * One app for the class (its own engine and H2 file); each test works on its own customer or cleans up what it holds.
 */
@Tag("own-engine")
class RefundTest {

  static final String PROSEWARE = DemoDataSeeder.customerId("prosewarehealth.onmicrosoft.com");
  static final String TREY = DemoDataSeeder.customerId("treyenergy.onmicrosoft.com");
  static final String WOODGROVE = DemoDataSeeder.customerId("woodgroveconsulting.onmicrosoft.com");
  static final BigDecimal LIMIT = new BigDecimal("50000");

  @TempDir static Path dataDir;
  static ConfigurableApplicationContext app;
  static RuntimeService runtime;
  static TaskService tasks;
  static ManagementService management;
  static IdentityService identity;
  static JdbcTemplate jdbc;
  static Returns returns;
  static ReservationInventory inventory;
  static ReservationReturns azure;
  static RestTasks rest;

  final ObjectMapper json = new ObjectMapper();
  /** Process instances (or made-up ones of the ledger) and budget rows this test made: forgotten after it. */
  final List<String> made = new ArrayList<>();

  @BeforeAll
  static void start() {
    app = new SpringApplicationBuilder(ReservationDeskApplication.class).run("--server.port=0", "--reservation-desk.data-dir=" + dataDir,
        "--reservation-desk.embedded.registration-delay=PT0S", "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.process-engine-name=refund-test");
    runtime = app.getBean(RuntimeService.class);
    tasks = app.getBean(TaskService.class);
    management = app.getBean(ManagementService.class);
    identity = app.getBean(IdentityService.class);
    jdbc = app.getBean(JdbcTemplate.class);
    returns = app.getBean(Returns.class);
    inventory = app.getBean(ReservationInventory.class);
    azure = app.getBean(ReservationReturns.class);
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    rest = new RestTasks(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    ReservationSweep sweep = app.getBean(ReservationSweep.class);
    for (String customer : List.of(PROSEWARE, TREY, WOODGROVE)) {
      sweep.syncCustomer(customer);
    }
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @AfterEach
  void forget() {
    identity.clearAuthentication();
    for (String id : made) {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test done");
      }
      forgetLedger(jdbc, id);
    }
    if (identity.createUserQuery().userId("dave").count() > 0) {
      identity.deleteUser("dave");
    }
  }

  // --- 1. Within the budget, end to end -------------------------------------------------------------------

  @Test
  void aReturnWithinTheBudget_runsAtAzure_leavesTwo_andHoldsItsRefund() throws Exception {
    String reservation = reservationOf(PROSEWARE);
    long before = quantityAtAzure(PROSEWARE, reservation);
    RefundBudget budgetBefore = returns.budget(PROSEWARE);
    String id = startReturn("alice", reservation);

    Task choose = task(id, "UserTask_ChooseReturn");
    assertThat(choose.getAssignee()).isEqualTo("alice");
    assertThat((String) runtime.getVariable(id, CUSTOMER_NAME)).isEqualTo("Proseware Health");
    assertThat(json.readTree(runtime.getVariable(id, RETURN_OPTIONS).toString()).findValuesAsText("value")).contains(reservation);
    assertThat((String) runtime.getVariable(id, REFUND_BUDGET)).startsWith("USD ");
    assertNoContent(rest.complete("alice", choose, Map.of(RETURN_ACTION, "quote", line(RETURN_RESERVATION, 1), reservation,
        line(RETURN_QUANTITY, 1), 6, RETURN_REASON, "Two of the eight E8s_v5 still run; the workload moved to D16s_v5")));

    Task review = task(id, "UserTask_ReviewReturn");
    ReturnRequest quoted = returns.require(id);
    assertThat(quoted.status()).isEqualTo(ReturnStatus.QUOTED);
    assertThat(quoted.refundUsd()).as("6 of 8 E8s_v5 with 65 of 365 days left").isBetween(new BigDecimal("2900"), new BigDecimal("3300"));
    String refund = new Money(quoted.refundAmount(), quoted.currency()).format();
    assertThat((String) runtime.getVariable(id, REFUND_TOTAL)).contains(refund);
    assertThat((String) runtime.getVariable(id, RETURN_SUMMARY)).contains("Return **6** of 8 \u00d7 Standard_E8s_v5").contains(refund);
    assertNoContent(rest.complete("alice", review, Map.of(REVIEW_ACTION, "submit")));
    assertThat(returns.require(id).status()).as("about USD 3,073 needs no approver").isEqualTo(ReturnStatus.APPROVED);

    runJobsUntil(id, "UserTask_ReturnDone");
    ReturnRequest done = returns.require(id);
    assertThat(done.status()).isEqualTo(ReturnStatus.SUCCEEDED);
    assertThat(done.submittedBy()).isEqualTo("alice");
    assertThat(done.refundUsd()).isEqualByComparingTo(quoted.refundUsd());
    assertThat(done.lines()).singleElement().satisfies(l -> {
      assertThat(l.status()).isEqualTo("SUCCEEDED");
      assertThat(l.requestId()).isNotNull();
      assertThat(l.operationId()).isNotNull();
    });
    assertThat(jdbc.queryForObject("select count(*) from pc_return_operation where request_id = ?", Integer.class,
        done.lines().get(0).requestId())).as("one operation at Azure").isOne();
    assertThat(quantityAtAzure(PROSEWARE, reservation)).isEqualTo(before - 6);
    assertThat(jdbc.queryForObject("select quantity from owned_reservation where reservation_id = ?", Long.class, reservation))
        .isEqualTo(before - 6);
    RefundBudget budget = returns.budget(PROSEWARE);
    assertThat(budget.usedUsd().subtract(budgetBefore.usedUsd())).isEqualByComparingTo(done.refundUsd());
    assertThat((String) runtime.getVariable(id, RETURN_OUTCOME)).startsWith("Azure returned everything");
    JsonNode page = json.readTree(rest.send("alice", HttpMethod.GET, "/api/reservations?customerId=" + PROSEWARE, null).getBody());
    assertThat(page.get("customerNotes").toString()).contains("Refund budget: " + budget.describe());
    assertNoContent(rest.complete("alice", task(id, "UserTask_ReturnDone"), Map.of()));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
  }

  // --- 2. Over the budget ---------------------------------------------------------------------------------

  @Test
  void aReturnOverTheBudget_isRefusedAtSubmitWithBothFigures_andNothingHappensAtAzure() throws Exception {
    String reservation = reservationOf(PROSEWARE);
    String id = startReturn("alice", reservation);
    assertNoContent(rest.complete("alice", task(id, "UserTask_ChooseReturn"), Map.of(RETURN_ACTION, "quote",
        line(RETURN_RESERVATION, 1), reservation, line(RETURN_QUANTITY, 1), 1, RETURN_REASON, "Not needed")));
    BigDecimal refund = returns.require(id).refundUsd();
    // Earlier returns, within the window, hold all but USD 100 of the budget.
    earlierReturn(PROSEWARE, LIMIT.subtract(returns.budget(PROSEWARE).usedUsd()).subtract(new BigDecimal("100")));
    RefundBudget budget = returns.budget(PROSEWARE);
    assertThat(budget.leftUsd()).isEqualByComparingTo("100");
    int operations = jdbc.queryForObject("select count(*) from pc_return_operation", Integer.class);
    long atAzure = quantityAtAzure(PROSEWARE, reservation);

    assertNoContent(rest.complete("alice", task(id, "UserTask_ReviewReturn"), Map.of(REVIEW_ACTION, "submit")));
    Task again = task(id, "UserTask_ReviewReturn");
    assertThat(again.getAssignee()).isEqualTo("alice");
    assertThat((String) runtime.getVariable(id, RETURN_NOTE)).isEqualTo("This return would give back USD "
        + String.format(java.util.Locale.ROOT, "%,.2f", refund) + ", but the customer has USD 100.00 of refund budget left: "
        + budget.describe() + " (limit per customer, rolling 365 days). Return less, or wait until earlier returns leave the window.");
    ReturnRequest refused = returns.require(id);
    assertThat(refused.status()).isEqualTo(ReturnStatus.OVER_BUDGET);
    assertThat(refused.lines()).allSatisfy(l -> assertThat(l.requestId()).as("never asked Azure").isNull());
    assertThat(returns.budget(PROSEWARE).usedUsd()).as("holds nothing").isEqualByComparingTo(budget.usedUsd());
    assertThat(management.createJobQuery().processInstanceId(id).count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from pc_return_operation", Integer.class)).isEqualTo(operations);
    assertThat(quantityAtAzure(PROSEWARE, reservation)).isEqualTo(atAzure);
  }

  // --- 3. Two at once -------------------------------------------------------------------------------------

  @Test
  void twoReturnsSubmittedAtOnce_whoseSumExceedsTheBudget_onlyOnePasses() throws Exception {
    twoAtOnce(returns, jdbc, TREY, 3);
  }

  /**
   * Rounds of two returns of one customer's reservation, quoted in the ledger alone (made-up process instances), with
   * one and a half of them left in the budget, submitted at the same instant in two transactions: exactly one passes.
   * Each round forgets what it made. Also run on PostgreSQL ({@link RefundBudgetPostgresTest}).
   */
  static void twoAtOnce(Returns returns, JdbcTemplate jdbc, String customer, int rounds) throws Exception {
    String reservation = demoReservation(jdbc, customer);
    ExecutorService agents = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < rounds; round++) {
        String first = quotedReturn(returns, "alice", reservation, 1);
        String second = quotedReturn(returns, "bob", reservation, 1);
        BigDecimal refund = returns.require(first).refundUsd();
        // Left: one and a half of them.
        String earlier = earlierReturn(jdbc, customer,
            LIMIT.subtract(returns.budget(customer).usedUsd()).subtract(refund.multiply(new BigDecimal("1.5"))));
        try {
          CyclicBarrier together = new CyclicBarrier(2);
          Future<Returns.Submission> a = agents.submit(() -> {
            together.await();
            return returns.submit(first, "alice");
          });
          Future<Returns.Submission> b = agents.submit(() -> {
            together.await();
            return returns.submit(second, "bob");
          });
          List<Returns.Submitted> outcomes = List.of(a.get(30, TimeUnit.SECONDS).outcome(), b.get(30, TimeUnit.SECONDS).outcome());
          assertThat(outcomes).as("round " + round).containsOnlyOnce(Returns.Submitted.OVER_BUDGET);
          List<ReturnStatus> statuses = List.of(returns.require(first).status(), returns.require(second).status());
          assertThat(statuses).as("round " + round).containsOnlyOnce(ReturnStatus.OVER_BUDGET)
              .anySatisfy(s -> assertThat(s).isIn(ReturnStatus.AWAITING_APPROVAL, ReturnStatus.APPROVED));
          assertThat(returns.budget(customer).leftUsd()).as("what is left after the one that passed")
              .isEqualByComparingTo(refund.multiply(new BigDecimal("0.5")));
        } finally {
          forgetLedger(jdbc, first, second, earlier);
        }
      }
    } finally {
      agents.shutdownNow();
    }
  }

  // --- 4. An exchange -------------------------------------------------------------------------------------

  @Test
  void anExchange_buysThroughAPurchase_isApproved_runsAtAzure_andDoesNotCount() throws Exception {
    String reservation = reservationOf(TREY);
    long before = quantityAtAzure(TREY, reservation);
    RefundBudget budgetBefore = returns.budget(TREY);
    String id = start("alice", EXCHANGE_KEY, reservation);
    Task choose = task(id, "UserTask_ChooseExchangeReturns");
    assertNoContent(rest.complete("alice", choose, Map.of(RETURN_ACTION, "quote", line(RETURN_RESERVATION, 1), reservation,
        line(RETURN_QUANTITY, 1), 2, RETURN_REASON, "Exchanged for a reservation of the same size that runs longer")));
    ReturnRequest valued = returns.require(id);
    assertThat(valued.kind()).isEqualTo(Kind.EXCHANGE);
    assertThat(valued.counted()).isFalse();

    // The purchase opened for the exchange: the same agent's, for Trey Energy; Buy hands the cart back.
    String purchase = runtime.createProcessInstanceQuery().processDefinitionKey(PurchaseVariables.PROCESS_KEY)
        .variableValueEquals(PurchaseVariables.EXCHANGE_PROCESS_ID, id).singleResult().getId();
    made.add(purchase);
    PurchaseDriver driver = new PurchaseDriver(runtime, tasks, identity, management, purchase);
    driver.skipRecommendations();
    Task filter = driver.task("UserTask_FilterReservations");
    assertThat(filter.getAssignee()).isEqualTo("alice");
    assertThat(jdbc.queryForObject("select customer_id from purchase where process_instance_id = ?", String.class, purchase)).isEqualTo(TREY);
    assertNoContent(rest.complete("alice", filter, Map.of(PurchaseVariables.FILTER_ACTION, "search", PurchaseVariables.PRODUCT_TYPE, "vm",
        PurchaseVariables.REGION, "westus", PurchaseVariables.SIZE_FILTER, "E16s_v5", PurchaseVariables.TERM, "P3Y",
        PurchaseVariables.BILLING_PLAN, "upfront")));
    driver.runJobs();
    Task chooseNew = driver.task("UserTask_ChooseReservation");
    // Four 3-year E16s_v5: the customer pays USD 25,000 or more on top, so an approver decides.
    assertNoContent(rest.complete("alice", chooseNew, Map.of(PurchaseVariables.CART_ACTION, "addAndReview", PurchaseVariables.RESERVATION,
        driver.jsonVariable(PurchaseVariables.RESERVATION_RESULTS).get(0).get("value").asText(), PurchaseVariables.QUANTITY, 4)));
    Map<String, Object> buy = new TreeMap<>(Map.of(PurchaseVariables.REVIEW_ACTION, "buy", PurchaseVariables.SCOPE, "shared"));
    if (Boolean.TRUE.equals(driver.variable(PurchaseVariables.RESELLER_REQUIRED))) {
      buy.put(PurchaseVariables.RESELLER_MPN_ID, json.readTree(driver.variable(PurchaseVariables.RESELLER_OPTIONS).toString()).get(0)
          .get("value").asText());
    }
    assertNoContent(rest.complete("alice", driver.task("UserTask_ReviewOrder"), buy));
    driver.runJobs();
    assertThat(jdbc.queryForObject("select status from purchase where process_instance_id = ?", String.class, purchase))
        .isEqualTo("EXCHANGED");

    Task review = task(id, "UserTask_ReviewExchange");
    ReturnRequest quoted = returns.require(id);
    assertThat(quoted.purchaseTotal()).isGreaterThanOrEqualTo(quoted.refundAmount());
    assertThat((String) runtime.getVariable(id, NEW_RESERVATIONS)).contains("Buy **4**");
    assertNoContent(rest.complete("alice", review, Map.of(EXCHANGE_REVIEW_ACTION, "submit")));
    ReturnRequest submitted = returns.require(id);
    if (submitted.status() == ReturnStatus.AWAITING_APPROVAL) {
      Task approval = task(id, "UserTask_ApproveExchange");
      assertThat(rest.send("carol", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\": \"carol\"}")
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertNoContent(rest.complete("carol", approval, Map.of(EXCHANGE_APPROVAL, "approve")));
      assertThat(returns.require(id).decidedBy()).isEqualTo("carol");
    }
    assertThat(submitted.status()).isIn(ReturnStatus.AWAITING_APPROVAL, ReturnStatus.APPROVED);
    runJobsUntil(id, "UserTask_ExchangeDone");

    ReturnRequest done = returns.require(id);
    assertThat(done.status()).isEqualTo(ReturnStatus.SUCCEEDED);
    assertThat(done.kind()).isEqualTo(Kind.EXCHANGE);
    assertThat(done.counted()).isFalse();
    assertThat(done.newReservationOrders()).isNotBlank();
    for (String order : done.newReservationOrders().split(",\\s*")) {
      assertThat(jdbc.queryForObject("select quantity from pc_reservation where reservation_order_id = ?", Long.class, order)).isEqualTo(4);
    }
    assertThat(jdbc.queryForObject("select count(*) from pc_return_operation where request_id = ?", Integer.class, done.requestId())).isOne();
    assertThat(quantityAtAzure(TREY, reservation)).isEqualTo(before - 2);
    RefundBudget budget = returns.budget(TREY);
    assertThat(budget.usedUsd()).as("an exchange does not count").isEqualByComparingTo(budgetBefore.usedUsd());
    assertThat((String) runtime.getVariable(id, EXCHANGE_OUTCOME)).contains("Not counted against the refund budget");
  }

  // --- 5. Attacks -----------------------------------------------------------------------------------------

  @Test
  void choosingAReturn_takesOnlyItsFormsFields_andOnlyTheCustomersReservations_andOnlyFromItsAgent() throws Exception {
    String reservation = reservationOf(PROSEWARE);
    String id = startReturn("alice", reservation);
    Task choose = task(id, "UserTask_ChooseReturn");
    Map<String, Object> fair = Map.of(RETURN_ACTION, "quote", line(RETURN_RESERVATION, 1), reservation, line(RETURN_QUANTITY, 1), 1,
        RETURN_REASON, "Not needed");
    String before = state(id);

    for (String extra : List.of(CUSTOMER_ID, "refundUsd", STARTED_BY)) {
      Map<String, Object> tampered = new TreeMap<>(fair);
      tampered.put(extra, extra.equals(CUSTOMER_ID) ? TREY : extra.equals(STARTED_BY) ? "bob" : 1);
      RestTasks.assertRefused(rest.complete("alice", choose, tampered), "\u201c" + extra + "\u201d is not one of them. Nothing was saved.");
    }
    // Another customer's reservation in the declared field: checked against the customer the ledger recorded.
    Map<String, Object> treys = new TreeMap<>(fair);
    treys.put(line(RETURN_RESERVATION, 1), reservationOf(TREY));
    RestTasks.assertRefused(rest.complete("alice", choose, treys), "Choose reservations of this customer only");
    // Another agent can neither see nor complete alice's task.
    assertThat(rest.complete("bob", choose, fair).getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(json.readTree(rest.send("bob", HttpMethod.GET, "/engine-rest/task?processInstanceId=" + id, null).getBody())).isEmpty();
    assertThat(state(id)).isEqualTo(before);
    assertThat(returns.require(id).status()).isEqualTo(ReturnStatus.CHOOSING);

    assertNoContent(rest.complete("alice", choose, fair));
    Task review = task(id, "UserTask_ReviewReturn");
    String realTotal = (String) runtime.getVariable(id, REFUND_TOTAL);
    String reviewed = state(id);
    String path = "/engine-rest/task/" + review.getId();
    RestTasks.assertRefused(rest.send("alice", HttpMethod.PUT, path + "/variables/" + REFUND_TOTAL, "{\"value\": \"USD 1.00\"}"),
        "\u201crefundTotal\u201d");
    RestTasks.assertRefused(rest.send("alice", HttpMethod.POST, path + "/variables", "{\"modifications\": {\"" + RETURN_SUMMARY
        + "\": {\"value\": \"nothing\"}}}"), "\u201creturnSummary\u201d");
    RestTasks.assertRefused(rest.complete("alice", review, Map.of(REVIEW_ACTION, "submit", REFUND_TOTAL, "USD 1.00")),
        "\u201crefundTotal\u201d is not one of them");
    assertThat(state(id)).isEqualTo(reviewed);
    assertThat((String) runtime.getVariable(id, REFUND_TOTAL)).isEqualTo(realTotal);
  }

  /**
   * Who a return or exchange is for and whose it is cannot be sent: a start takes only the start form's reservation id
   * (never an agent, a customer or a business key), an approver who is no agent starts none, and the messages that open
   * an exchange's purchase or hand its cart back are the server's own.
   */
  @Test
  void startingAReturn_takesOnlyTheReservationId_andTheExchangesMessagesAreTheServersOwn() throws Exception {
    String reservation = reservationOf(PROSEWARE);
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(RETURN_KEY).count();
    String start = "/engine-rest/process-definition/key/" + RETURN_KEY + "/start";
    RestTasks.assertRefused(rest.send("alice", HttpMethod.POST, start, "{\"variables\": {\"" + RESERVATION_ID + "\": {\"value\": \""
        + reservation + "\"}, \"" + STARTED_BY + "\": {\"value\": \"bob\"}}}"), "\u201c" + STARTED_BY + "\u201d");
    RestTasks.assertRefused(rest.send("alice", HttpMethod.POST, start, "{\"variables\": {\"" + RESERVATION_ID + "\": {\"value\": \""
        + reservation + "\"}, \"" + CUSTOMER_ID + "\": {\"value\": \"" + TREY + "\"}}}"), "\u201c" + CUSTOMER_ID + "\u201d");
    assertThat(rest.send("alice", HttpMethod.POST, start, "{\"businessKey\": \"mine\", \"variables\": {\"" + RESERVATION_ID
        + "\": {\"value\": \"" + reservation + "\"}}}").getStatusCode().is2xxSuccessful()).as("a business key of the agent's").isFalse();
    assertThat(rest.send("carol", HttpMethod.POST, start, "{\"variables\": {\"" + RESERVATION_ID + "\": {\"value\": \"" + reservation
        + "\"}}}").getStatusCode().is2xxSuccessful()).as("an approver who is no agent").isFalse();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RETURN_KEY).count()).isEqualTo(before);

    // The exchange's purchase starts by a message carrying the exchange's process instance; its Buy answers with another.
    String exchange = start("alice", EXCHANGE_KEY, reservation);
    long purchases = runtime.createProcessInstanceQuery().processDefinitionKey("ReservationPurchaseProcess").count();
    RestTasks.assertRefused(rest.send("alice", HttpMethod.POST, "/engine-rest/message", "{\"messageName\": \"ReservationExchange\", "
        + "\"processVariables\": {\"exchangeProcessInstanceId\": {\"value\": \"" + exchange + "\"}}}"), "");
    RestTasks.assertRefused(rest.send("alice", HttpMethod.POST, "/engine-rest/message", "{\"messageName\": \"ExchangeCartChosen\", "
        + "\"processInstanceId\": \"" + exchange + "\"}"), "");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ReservationPurchaseProcess").count()).isEqualTo(purchases);
    assertThat(task(exchange, "UserTask_ChooseExchangeReturns").getAssignee()).isEqualTo("alice");
    assertThat(returns.require(exchange).status()).isEqualTo(ReturnStatus.CHOOSING);
  }

  @Test
  void nobodyApprovesTheirOwnReturn_andTheApproverReadsTheLedger() throws Exception {
    identity.saveUser(newUser("dave"));
    identity.createMembership("dave", "agents");
    identity.createMembership("dave", "approvers");
    String reservation = reservationOf(PROSEWARE);
    String id = startReturn("dave", reservation);
    assertNoContent(rest.complete("dave", task(id, "UserTask_ChooseReturn"), Map.of(RETURN_ACTION, "quote",
        line(RETURN_RESERVATION, 1), reservation, line(RETURN_QUANTITY, 1), 1, RETURN_REASON, "Not needed")));
    ReturnRequest quoted = returns.require(id);
    String realTotal = (String) runtime.getVariable(id, REFUND_TOTAL);
    // Earlier returns leave USD 5,000: after this one, less than that, so an approver decides.
    earlierReturn(PROSEWARE, LIMIT.subtract(returns.budget(PROSEWARE).usedUsd()).subtract(new BigDecimal("5000")));
    // Even if the process's copy said otherwise (an operator could write it), the approver reads the ledger.
    runtime.setVariable(id, REFUND_TOTAL, "USD 1.00");
    assertNoContent(rest.complete("dave", task(id, "UserTask_ReviewReturn"), Map.of(REVIEW_ACTION, "submit")));
    assertThat(returns.require(id).status()).isEqualTo(ReturnStatus.AWAITING_APPROVAL);

    Task approval = task(id, "UserTask_ApproveReturn");
    JsonNode view = json.readTree(rest.send("carol", HttpMethod.GET, "/engine-rest/task/" + approval.getId()
        + "/form-variables?deserializeValues=false", null).getBody());
    assertThat(view.get(REFUND_TOTAL).get("value").asText()).isEqualTo(realTotal).contains(new Money(quoted.refundAmount(), quoted.currency()).format());
    assertThat(view.get(REQUESTED_BY).get("value").asText()).isEqualTo("dave");
    assertThat(view.get(APPROVAL_REASON).get("value").asText()).contains("less than USD 5,000");
    assertThat(view.get(RETURN_REASON).get("value").asText()).isEqualTo("Not needed");
    // The requester, though an approver, may claim the task but not approve it; and writes nothing on it.
    assertThat(rest.send("dave", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\": \"dave\"}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    RestTasks.assertRefused(rest.send("dave", HttpMethod.PUT, "/engine-rest/task/" + approval.getId() + "/localVariables/" + REFUND_TOTAL,
        "{\"value\": \"USD 1.00\"}"), "\u201crefundTotal\u201d");
    RestTasks.assertRefused(rest.complete("dave", approval, Map.of(APPROVAL_DECISION, "approve")),
        "Four eyes: someone other than who asked for this return approves it.");
    assertThat(returns.require(id).status()).isEqualTo(ReturnStatus.AWAITING_APPROVAL);
    assertThat(returns.require(id).decidedBy()).isNull();
    assertThat(task(id, "UserTask_ApproveReturn").getId()).isEqualTo(approval.getId());
    rest.send("dave", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/unclaim", null);
    rest.send("carol", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\": \"carol\"}");
    assertNoContent(rest.complete("carol", approval, Map.of(APPROVAL_DECISION, "reject", REJECTION_REASON, "Wait for the next quarter")));
    assertThat(returns.require(id).status()).isEqualTo(ReturnStatus.REJECTED);
    assertThat(task(id, "UserTask_ReviewReturn").getAssignee()).isEqualTo("dave");
    assertThat((String) runtime.getVariable(id, RETURN_NOTE)).isEqualTo("Rejected by carol: Wait for the next quarter");
  }

  // --- A retry after Azure returned, before the ledger knew ----------------------------------------------

  /**
   * The node died after the embedded Azure committed the return (its own transaction, as a remote call) and before the
   * job's transaction recorded the operation: the job runs again with the line's saved request id and must find the
   * return Azure already made, though what is left of the reservation can no longer be quoted as before.
   */
  @Test
  void aReturnAzureMadeBeforeACrash_isFoundAgainByItsRequestId_notFailedNorMadeTwice() throws Exception {
    String reservation = reservationOf(WOODGROVE);
    long all = quantityAtAzure(WOODGROVE, reservation);
    String id = quotedReturn("alice", reservation, all);
    assertThat(returns.submit(id, "alice").outcome()).isEqualTo(Returns.Submitted.CLEARED);
    ReturnRequest submitted = returns.require(id);
    ReturnRequest.Line line = submitted.lines().get(0);
    // What the first attempt did at Azure before the node died.
    ReturnLine what = new ReturnLine(line.reservationOrderId(), line.reservationId(), line.quantity());
    RefundQuote quote = azure.quoteReturn(WOODGROVE, what);
    azure.startReturn(WOODGROVE, what, quote.sessionId(), submitted.reason(), line.requestId());

    // The retry.
    returns.startReturn(id);
    for (int look = 0; look < 5 && !returns.checkReturn(id); look++) {
      // Azure's operation answers running at the first look.
    }
    ReturnRequest done = returns.require(id);
    assertThat(done.lines()).singleElement().satisfies(l -> assertThat(l.status()).as(String.valueOf(l.problem())).isEqualTo("SUCCEEDED"));
    assertThat(done.status()).isEqualTo(ReturnStatus.SUCCEEDED);
    assertThat(jdbc.queryForObject("select count(*) from pc_return_operation where request_id = ?", Integer.class, line.requestId()))
        .isOne();
    assertThat(jdbc.queryForObject("select provisioning_state from pc_reservation where id = ?", String.class, reservation))
        .isEqualTo("Cancelled");
  }

  // --- helpers --------------------------------------------------------------------------------------------

  private String startReturn(String agent, String reservation) throws Exception {
    return start(agent, RETURN_KEY, reservation);
  }

  /** Starts a return or exchange through the REST API as the agent, with the reservation's id. */
  private String start(String agent, String key, String reservation) throws Exception {
    ResponseEntity<String> answer = rest.send(agent, HttpMethod.POST, "/engine-rest/process-definition/key/" + key + "/start",
        "{\"variables\": {\"" + RESERVATION_ID + "\": {\"value\": \"" + reservation + "\"}}}");
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    String id = json.readTree(answer.getBody()).get("id").asText();
    made.add(id);
    return id;
  }

  /** A return quoted in the ledger alone, keyed by a made-up process instance, as the process's steps would make it. */
  private String quotedReturn(String agent, String reservation, long quantity) {
    String id = quotedReturn(returns, agent, reservation, quantity);
    made.add(id);
    return id;
  }

  static String quotedReturn(Returns returns, String agent, String reservation, long quantity) {
    String id = "refund-test-" + UUID.randomUUID();
    returns.open(id, Kind.RETURN, agent, reservation);
    returns.quote(id, List.of(new Returns.Choice(reservation, quantity)), "Not needed");
    return id;
  }

  /** An earlier counted return of the customer, succeeded within the window, holding this much of the budget. */
  private String earlierReturn(String customer, BigDecimal usd) {
    String id = earlierReturn(jdbc, customer, usd);
    made.add(id);
    return id;
  }

  static String earlierReturn(JdbcTemplate jdbc, String customer, BigDecimal usd) {
    String id = "earlier-" + UUID.randomUUID();
    OffsetDateTime monthAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);
    jdbc.update("""
        insert into reservation_return (id, process_instance_id, kind, customer_id, status, counted, started_by, submitted_by, currency,
          refund_amount, refund_usd, created_at, submitted_at, completed_at)
        values (?, ?, 'RETURN', ?, 'SUCCEEDED', true, 'erin', 'erin', 'USD', ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), id, customer, usd, usd, monthAgo, monthAgo, monthAgo);
    return id;
  }

  static void forgetLedger(JdbcTemplate jdbc, String... ids) {
    for (String id : ids) {
      jdbc.update("delete from reservation_return_line where return_id in (select id from reservation_return where process_instance_id = ?)",
          id);
      jdbc.update("delete from reservation_return where process_instance_id = ?", id);
    }
  }

  private static String reservationOf(String customer) {
    return demoReservation(jdbc, customer);
  }

  /** The customer's demo reservation: its soonest to expire, whatever an exchange bought since. */
  static String demoReservation(JdbcTemplate jdbc, String customer) {
    return jdbc.queryForObject("select reservation_id from owned_reservation where customer_id = ? and provisioning_state = 'Succeeded' "
        + "order by expiry_date limit 1", String.class, customer);
  }

  private static long quantityAtAzure(String customer, String reservation) {
    return inventory.reservationsOf(customer).stream().filter(r -> r.reservationId().equals(reservation))
        .filter(r -> OwnedReservation.SUCCEEDED.equals(r.provisioningState())).mapToLong(OwnedReservation::quantity).sum();
  }

  private static Task task(String instance, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task).as("waits at " + key).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    return task;
  }

  /** Runs the instance's jobs, timers too (the 30 seconds' wait for Azure), until it waits at the task. */
  private static void runJobsUntil(String instance, String key) {
    for (int round = 0; round < 20 && tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).count() == 0; round++) {
      management.createJobQuery().processInstanceId(instance).list().forEach(job -> management.executeJob(job.getId()));
    }
    task(instance, key);
  }

  /** What an attack could have changed: the ledger, the process's variables and tasks, the embedded Azure. */
  private String state(String instance) {
    return jdbc.queryForList("select * from reservation_return where process_instance_id = ?", instance) + "\n"
        + jdbc.queryForList("select l.* from reservation_return_line l join reservation_return r on r.id = l.return_id "
            + "where r.process_instance_id = ?", instance) + "\n"
        + new TreeMap<>(runtime.getVariables(instance)) + "\n"
        + tasks.createTaskQuery().processInstanceId(instance).list().stream().map(t -> t.getTaskDefinitionKey() + ":" + t.getAssignee()).toList()
        + "\n" + jdbc.queryForList("select id, quantity, provisioning_state from pc_reservation order by id")
        + jdbc.queryForObject("select count(*) from pc_return_operation", Integer.class);
  }

  private static void assertNoContent(ResponseEntity<String> answer) {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static org.camunda.bpm.engine.identity.User newUser(String id) {
    org.camunda.bpm.engine.impl.persistence.entity.UserEntity user = new org.camunda.bpm.engine.impl.persistence.entity.UserEntity(id);
    user.setPassword(id);
    user.setFirstName("Dave");
    user.setLastName("Both");
    return user;
  }
}
