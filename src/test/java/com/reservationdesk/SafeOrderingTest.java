package com.reservationdesk;

import static com.reservationdesk.process.purchase.FormValues.*;
import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.catalog.CatalogFilter;
import com.reservationdesk.order.OrderPlacement;
import com.reservationdesk.order.OrderRepository;
import com.reservationdesk.order.OrderService;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.CheckoutResult;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.ErrorCode;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.PartnerCenterException;
import com.reservationdesk.purchase.PurchaseRepository;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.purchase.PurchaseStatus;
import com.reservationdesk.subscription.SubscriptionService;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An order is placed exactly once whatever fails: a timeout after Partner Center created it, a busy
 * Partner Center, two agents buying the same cart at once; and what Partner Center refuses goes back
 * to the agent with the reason.
 */
@AppTest
class SafeOrderingTest {

  @Autowired PartnerCenter partnerCenter;
  @Autowired PurchaseService purchases;
  @Autowired PurchaseRepository purchaseRepository;
  @Autowired com.reservationdesk.purchase.PurchaseLifecycle lifecycle;
  @Autowired OrderRepository orderRepository;
  @Autowired SubscriptionService subscriptions;
  @Autowired TransactionTemplate transaction;
  @Autowired Clock clock;
  @Autowired com.reservationdesk.order.OrderMetrics metrics;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate rest;
  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void cleanUp() {
    identity.clearAuthentication();
    jdbc.update("delete from pc_sku_restriction where id like 'test-%'");
  }

  @Test
  void checkoutTimingOutAfterPartnerCenterCreatedTheOrder_isRetriedIntoTheSameOrder() {
    String purchaseId = purchaseReadyToOrder("contoso.onmicrosoft.com", "Standard_D2s_v5", 2);
    AtomicInteger checkouts = new AtomicInteger();
    OrderService timingOut = orderService(decorated((method, args, real) -> {
      Object result = real.get();
      if (method.equals("checkout") && checkouts.incrementAndGet() == 1) {
        // Partner Center created the order, but the answer never arrived.
        throw new IllegalStateException("Read timed out");
      }
      return result;
    }));
    String customerId = purchases.ofProcess(purchaseId).customerId();
    int ordersBefore = partnerCenterOrders(customerId);

    assertThatThrownBy(() -> transaction.execute(status -> timingOut.placeOrder(purchaseId))).hasMessage("Read timed out");
    assertThat(partnerCenterOrders(customerId)).as("Partner Center has the order").isEqualTo(ordersBefore + 1);
    assertThat(purchases.ofProcess(purchaseId).status()).as("our side rolled back: still to be placed").isEqualTo(PurchaseStatus.ORDERING);

    // The job is retried: a new cart, the same request id. Partner Center answers with the first order.
    OrderPlacement retried = transaction.execute(status -> timingOut.placeOrder(purchaseId));
    assertThat(retried.outcome()).isEqualTo(OrderPlacement.Outcome.PLACED);
    assertThat(retried.orders()).hasSize(1);
    assertThat(partnerCenterOrders(customerId)).as("no second order").isEqualTo(ordersBefore + 1);
    assertThat(orderRepository.ofPurchase(purchases.ofProcess(purchaseId).id())).singleElement()
        .satisfies(o -> assertThat(o.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2)));
    // And once more, as a late duplicate job would: answered from the records.
    assertThat(transaction.execute(status -> timingOut.placeOrder(purchaseId)).orders()).hasSize(1);
    assertThat(partnerCenterOrders(customerId)).isEqualTo(ordersBefore + 1);
  }

  @Test
  void partnerCenterStillProcessing_isNotAFailure_theSameRequestIsAskedAgainLater() {
    String purchaseId = purchaseReadyToOrder("tailspintoys.onmicrosoft.com", "Standard_D2s_v5", 1);
    AtomicInteger checkouts = new AtomicInteger();
    OrderService busy = orderService(decorated((method, args, real) -> {
      if (method.equals("checkout") && checkouts.incrementAndGet() == 1) {
        throw PartnerCenterException.of(ErrorCode.ORDER_IN_PROGRESS);
      }
      return real.get();
    }));
    OrderPlacement first = transaction.execute(status -> busy.placeOrder(purchaseId));
    assertThat(first.outcome()).isEqualTo(OrderPlacement.Outcome.IN_PROGRESS);
    assertThat(purchases.ofProcess(purchaseId).status()).isEqualTo(PurchaseStatus.ORDERING);
    String requestId = purchases.ofProcess(purchaseId).checkoutRequestId();
    OrderPlacement later = transaction.execute(status -> busy.placeOrder(purchaseId));
    assertThat(later.outcome()).isEqualTo(OrderPlacement.Outcome.PLACED);
    assertThat(later.orders()).hasSize(1);
    assertThat(purchases.ofProcess(purchaseId).checkoutRequestId()).isEqualTo(requestId);
  }

  @Test
  void aTechnicalFailureIsThrownForRetry_andChangesNothing() {
    String purchaseId = purchaseReadyToOrder("tailspintoys.onmicrosoft.com", "Standard_D2s_v5", 1);
    OrderService down = orderService(decorated((method, args, real) -> {
      if (method.equals("createCart")) {
        throw PartnerCenterException.of(ErrorCode.UNEXPECTED_SERVICE_ERROR);
      }
      return real.get();
    }));
    assertThatThrownBy(() -> transaction.execute(status -> down.placeOrder(purchaseId)))
        .hasMessage("Unexpected service error (Partner Center error 800003, HTTP 500)");
    assertThat(purchases.ofProcess(purchaseId).status()).isEqualTo(PurchaseStatus.ORDERING);
    assertThat(orderRepository.ofPurchase(purchases.ofProcess(purchaseId).id())).isEmpty();
  }

  @Test
  void partlyFailedCheckout_recordsWhatWasOrdered_andGivesTheRestBackToTheAgent() {
    String purchaseId = purchaseReadyToOrder("contoso.onmicrosoft.com", "Standard_D2s_v5", 1);
    OrderService withPartialCheckout = orderService(decorated((method, args, real) -> {
      Object result = real.get();
      if (method.equals("checkout")) {
        CheckoutResult checkout = (CheckoutResult) result;
        return new CheckoutResult(checkout.orders(), List.of(new CheckoutResult.OrderError("monthly", "800017",
            "Quantity not available for this catalog item")));
      }
      return result;
    }));
    // A second line, ordered by the real checkout, but reported failed: the line without an order comes back.
    OrderPlacement placement = transaction.execute(status -> withPartialCheckout.placeOrder(purchaseId));
    assertThat(placement.outcome()).isEqualTo(OrderPlacement.Outcome.PARTLY_PLACED);
    assertThat(placement.orders()).hasSize(1);
    assertThat(placement.problem()).startsWith("Partner Center ordered part of the cart (order " + placement.orders().get(0).orderId())
        .contains("Quantity not available for this catalog item (Partner Center error 800017)");
    assertThat(purchases.ofProcess(purchaseId).status()).isEqualTo(PurchaseStatus.OPEN);
    assertThat(purchases.ofProcess(purchaseId).checkoutRequestId()).as("the next buy is a new request").isNull();
    assertThat(purchases.cart(purchaseId).lines()).as("the ordered line left the cart").isEmpty();
    purchases.cancel(purchaseId);
    assertThat(purchases.ofProcess(purchaseId).status()).as("what was ordered stays ordered").isEqualTo(PurchaseStatus.ORDERED);
  }

  @Test
  void aRestrictedSkuAtCheckout_bringsTheAgentBackWithTheReason() throws Exception {
    String instanceId = purchaseAtReview("contoso.onmicrosoft.com", "Standard_E4s_v5");
    // The inventory changes after the agent added the line: Microsoft now refuses it for this subscription.
    jdbc.update("insert into pc_sku_restriction (id, azure_subscription_id, arm_region_name, sku_pattern, reason_code, description) "
        + "values ('test-e4s', null, 'westeurope', 'Standard_E4s_v5', 'NotAvailableForSubscription', "
        + "'Esv5 capacity in EU West is exhausted for now.')");
    complete(instanceId, "UserTask_ReviewOrder", REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383");
    runJobs(instanceId);

    assertThat(taskOf(instanceId).getTaskDefinitionKey()).isEqualTo("UserTask_FixOrder");
    assertThat(runtime.getVariable(instanceId, ORDER_PROBLEM).toString()).isEqualTo("Partner Center refused the order: "
        + "Inventory not available for this catalog item: Reserved VM Instance, Standard_E4s_v5, EU West, 3 Years: Esv5 capacity "
        + "in EU West is exhausted for now. (Partner Center error 800010, HTTP 400). Remove or replace the reservation it names "
        + "(another size or region), or cancel the purchase.");
    assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count()).isZero();

    complete(instanceId, "UserTask_FixOrder", FIX_ACTION, "review");
    assertThat(taskOf(instanceId).getTaskDefinitionKey()).isEqualTo("UserTask_ReviewOrder");
    complete(instanceId, "UserTask_ReviewOrder", REVIEW_ACTION, "cancel");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
  }

  @Test
  void buyingTheSameCartTwiceAtTheSameMoment_oneWins_theOtherIsToldWhy_oneOrderExists() throws Exception {
    String instanceId = purchaseAtReview("tailspintoys.onmicrosoft.com", "Standard_D2s_v5");
    String taskId = taskOf(instanceId).getId();
    Map<String, Object> body = Map.of("variables", Map.of(REVIEW_ACTION, Map.of("value", "buy"), SCOPE, Map.of("value", "shared"),
        RESELLER_MPN_ID, Map.of("value", "4847383")));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService agents = Executors.newFixedThreadPool(2);
    List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
    // The same agent in two browser tabs: another agent cannot even see the task (AuthorizationTest).
    for (String agent : List.of("alice", "alice")) {
      answers.add(agents.submit(() -> {
        start.await();
        return rest.withBasicAuth(agent, agent).postForEntity("/engine-rest/task/" + taskId + "/complete", body, String.class);
      }));
    }
    start.countDown();
    List<ResponseEntity<String>> responses = new ArrayList<>();
    for (Future<ResponseEntity<String>> answer : answers) {
      responses.add(answer.get());
    }
    agents.shutdown();

    assertThat(responses).extracting(ResponseEntity::getStatusCode).containsOnlyOnce(HttpStatus.NO_CONTENT);
    ResponseEntity<String> loser = responses.stream().filter(r -> r.getStatusCode() != HttpStatus.NO_CONTENT).findFirst().orElseThrow();
    assertThat(loser.getStatusCode().is4xxClientError()).as(loser.toString()).isTrue();
    assertThat(json.readTree(loser.getBody()).get("message").asText()).as(loser.getBody())
        .containsAnyOf("can no longer be changed", "Someone else completed or changed this task", "This task was already completed");

    // Whoever comes later still gets a sentence, not an engine message.
    ResponseEntity<String> late = rest.withBasicAuth("alice", "alice").postForEntity("/engine-rest/task/" + taskId + "/complete", body,
        String.class);
    assertThat(late.getStatusCode()).as(late.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json.readTree(late.getBody()).get("message").asText())
        .isEqualTo("This task was already completed, perhaps by someone else at the same moment. Reload the task list.");

    runJobs(instanceId);
    assertThat(taskOf(instanceId).getTaskDefinitionKey()).isEqualTo("UserTask_ShowConfirmation");
    String purchaseId = (String) runtime.getVariable(instanceId, PURCHASE_ID);
    assertThat(orderRepository.ofPurchase(purchaseId)).hasSize(1);
  }

  // --- helpers -------------------------------------------------------------------------------------

  private String purchaseReadyToOrder(String domain, String size, long quantity) {
    String customerId = partnerCenter.searchCustomers(CustomerSearchField.DOMAIN, domain, 1).get(0).id();
    String subscription = subscriptions.eligibleSubscriptions(customerId).get(0).subscriptionId();
    String purchaseId = TestPurchases.open(purchases, customerId, subscription, "alice");
    String sku = purchases.findOffers(purchaseId, CatalogFilter.vm("westeurope", size, "P3Y", BillingPlan.UPFRONT)).offers().get(0)
        .reference();
    purchases.addLine(purchaseId, sku, billingPlan("upfront"), number(quantity));
    purchases.readyToOrder(purchaseId, scope("shared"), "4847383", "alice");
    return purchaseId;
  }

  private String purchaseAtReview(String domain, String size) throws Exception {
    String instanceId = Jobs.startAs(identity, runtime, "alice", PROCESS_KEY, Map.of(CUSTOMER_SEARCH, domain));
    runJobs(instanceId);
    String subscriptionId = json.readTree(runtime.getVariable(instanceId, SUBSCRIPTION_OPTIONS).toString()).get(0).get("value").asText();
    complete(instanceId, "UserTask_ChooseSubscription", SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, subscriptionId);
    runJobs(instanceId);
    if ("UserTask_ChooseRecommendations".equals(tasks.createTaskQuery().processInstanceId(instanceId).singleResult()
        .getTaskDefinitionKey())) {
      complete(instanceId, "UserTask_ChooseRecommendations", RECOMMENDATION_ACTION, "search");
    }
    complete(instanceId, "UserTask_FilterReservations", PRODUCT_TYPE, "vm", REGION, "westeurope", SIZE_FILTER, size, TERM, "P3Y",
        BILLING_PLAN, "upfront");
    runJobs(instanceId);
    JsonNode options = json.readTree(runtime.getVariable(instanceId, RESERVATION_RESULTS).toString());
    complete(instanceId, "UserTask_ChooseReservation", CART_ACTION, "addAndReview", RESERVATION, options.get(0).get("value").asText(),
        QUANTITY, 1);
    assertThat(taskOf(instanceId).getTaskDefinitionKey()).isEqualTo("UserTask_ReviewOrder");
    return instanceId;
  }

  private int partnerCenterOrders(String customerId) {
    return jdbc.queryForObject("select count(*) from pc_order where customer_id = ?", Integer.class, customerId);
  }

  private OrderService orderService(PartnerCenter partnerCenter) {
    return new OrderService(partnerCenter, purchaseRepository, lifecycle, orderRepository, metrics,
        new com.reservationdesk.subscription.SubscriptionService(partnerCenter), clock);
  }

  private interface Call {
    Object invoke(String method, Object[] args, Real real) throws Throwable;
  }

  private interface Real {
    Object get() throws Throwable;
  }

  /** The real (embedded) Partner Center, with a test deciding what each call does around it. */
  private PartnerCenter decorated(Call call) {
    return (PartnerCenter) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PartnerCenter.class},
        (proxy, method, args) -> call.invoke(method.getName(), args, () -> {
          try {
            return method.invoke(partnerCenter, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        }));
  }

  private void runJobs(String instanceId) {
    Jobs.runDue(management, instanceId);
  }

  private Task taskOf(String instanceId) {
    return tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
  }

  private void complete(String instanceId, String taskKey, Object... nameValues) {
    Task task = taskOf(instanceId);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    Jobs.completeAsAssignee(identity, tasks, task, Jobs.variables(nameValues));
  }
}
