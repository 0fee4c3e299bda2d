package com.reservationdesk;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.order.OrderService;
import com.reservationdesk.order.PlacedOrder;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.Scope;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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

/** A whole purchase through the real app: model, forms' variables, delegates, embedded Partner Center, H2. */
@AppTest
class PurchaseEndToEndTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired OrderService orders;
  @Autowired PartnerCenter partnerCenter;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();

  String instanceId;

  @AfterEach
  void logout() {
    identity.clearAuthentication();
  }

  @Test
  void agentBuysForACustomerWithoutSubscription_addingOneOnTheWay() throws Exception {
    // A demo customer without any subscription, like Fabrikam (which the demo-data test keeps untouched).
    Customer customer = partnerCenter.searchCustomers(CustomerSearchField.COMPANY_NAME, "", 1000).stream()
        .filter(c -> !c.companyName().equals("Fabrikam Inc") && partnerCenter.getSubscriptions(c.id()).isEmpty())
        .reduce((first, second) -> second).orElseThrow();
    instanceId = Jobs.startAs(identity, runtime, "alice", PROCESS_KEY, Map.of(CUSTOMER_SEARCH, customer.companyName()));
    runJobs();

    Task confirmAdd = task("UserTask_ConfirmAddSubscription");
    assertThat(confirmAdd.getAssignee()).isEqualTo("alice");
    assertThat(variable(SUBSCRIPTION_NOTE)).isEqualTo(customer.companyName() + " has no Azure subscription.");
    complete(confirmAdd, ADD_SUBSCRIPTION_ACTION, "add");
    runJobs();

    Task chooseSubscription = task("UserTask_ChooseSubscription");
    JsonNode subscriptionOptions = jsonVariable(SUBSCRIPTION_OPTIONS);
    assertThat(subscriptionOptions).hasSize(1);
    String subscriptionId = subscriptionOptions.get(0).get("value").asText();
    assertThat(variable(SUBSCRIPTION_ID)).isEqualTo(subscriptionId);
    complete(chooseSubscription, SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, subscriptionId);
    runJobs();
    assertThat(variable(RECOMMENDATION_SUMMARY)).as("a new subscription has no usage yet")
        .isEqualTo("No pay-as-you-go VM usage in the last 30 days: nothing to recommend.");

    // A filter the catalog cannot answer is refused while the task completes: it stays open.
    Task filter = task("UserTask_FilterReservations");
    ResponseEntity<String> badFilter = rest.withBasicAuth("alice", "alice").postForEntity(
        "/engine-rest/task/" + filter.getId() + "/complete",
        Map.of("variables", Map.of(FILTER_ACTION, Map.of("value", "search"), PRODUCT_TYPE, Map.of("value", "vm"),
            MIN_VCPUS, Map.of("value", 16), MAX_VCPUS, Map.of("value", 4))),
        String.class);
    assertThat(badFilter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(badFilter.getBody()).get("message").asText())
        .isEqualTo("Minimum vCPUs (16) is above maximum vCPUs (4): swap them or clear one.");
    assertThat(task("UserTask_FilterReservations").getId()).isEqualTo(filter.getId());

    complete(filter, PRODUCT_TYPE, "vm", REGION, "westeurope", SIZE_FILTER, "D4s", TERM, "P3Y", BILLING_PLAN, "upfront");
    runJobs();
    Task choose = task("UserTask_ChooseReservation");
    JsonNode d4s = jsonVariable(RESERVATION_RESULTS);
    assertThat(d4s).isNotEmpty();
    assertThat(d4s.get(0).get("label").asText()).matches("Standard_D4s_v5 \u00b7 EU West \u00b7 3 years \u2014 \\S+ upfront");
    assertThat(variable(PRICE_NOTE).toString()).startsWith("Indicative list prices from the public Azure retail price list");
    // Dsv3 in EU West is restricted for every subscription in the demo: listed, marked, with the reason.
    assertThat(d4s).anySatisfy(o -> assertThat(o.get("label").asText())
        .startsWith("Standard_D4s_v3 \u00b7 EU West").endsWith("NOT AVAILABLE for this subscription"));
    assertThat(jsonVariable(RESERVATION_RESULTS)).anySatisfy(row -> {
      assertThat(row.get("reservation").asText()).isEqualTo("Standard_D4s_v3 \u00b7 EU West \u00b7 3 years");
      assertThat(row.get("details").asText()).isEqualTo("4 vCPUs, 16 GiB \u00b7 flexibility DSv3 Series \u00d72");
      assertThat(row.get("saving").asText()).matches("\u2212\\d+ % a month vs 1 year");
      assertThat(row.get("availability").asText()).startsWith("NOT AVAILABLE");
    });
    assertThat(variable(RESERVATION_RESULT_MESSAGE).toString()).endsWith("1 of those listed cannot be bought for this subscription: "
        + "Standard_D4s_v3 in EU West: Dsv3 capacity in EU West is closed to new reservations. Choose a Dsv5 size such as "
        + "Standard_D4s_v5, or another region.");
    complete(choose, CART_ACTION, "addAndSearch", RESERVATION, d4s.get(0).get("value").asText(), QUANTITY, 2);

    complete(task("UserTask_FilterReservations"), REGION, "westeurope", SIZE_FILTER, "E16s", TERM, "P1Y", BILLING_PLAN, "monthly");
    runJobs();
    JsonNode e16s = jsonVariable(RESERVATION_RESULTS);
    complete(task("UserTask_ChooseReservation"), CART_ACTION, "addAndReview", RESERVATION, e16s.get(0).get("value").asText(),
        QUANTITY, 1L);

    Task review = task("UserTask_ReviewOrder");
    assertThat(jsonVariable(CART_LINES)).hasSize(2);
    assertThat(variable(RESELLER_REQUIRED)).isEqualTo(true);
    complete(review, REVIEW_ACTION, "changeQuantity", CART_LINE, "1", NEW_QUANTITY, 3);
    JsonNode lines = jsonVariable(CART_LINES);
    assertThat(lines.get(0).get("quantity").asText()).isEqualTo("3 instances");
    assertThat(lines.get(1).get("term").asText()).isEqualTo("1 year, monthly");
    assertThat(variable(CART_BILLING).toString()).matches("Billed at purchase: \\S+\\. Billed monthly: \\S+ a month for 12 months\\.");

    // Over the REST API a rejected value is a 400 with the same message, and the task stays open.
    Task review2 = task("UserTask_ReviewOrder");
    ResponseEntity<String> rejected = rest.withBasicAuth("alice", "alice").postForEntity(
        "/engine-rest/task/" + review2.getId() + "/complete",
        Map.of("variables", Map.of(REVIEW_ACTION, Map.of("value", "changeQuantity"), CART_LINE, Map.of("value", "1"),
            NEW_QUANTITY, Map.of("value", 2.5))),
        String.class);
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(rejected.getBody()).get("message").asText())
        .isEqualTo("Quantity must be a whole number of instances, not 2.5.");
    assertThat(task("UserTask_ReviewOrder").getId()).isEqualTo(review2.getId());

    Task buy = task("UserTask_ReviewOrder");
    assertThatThrownBy(() -> complete(buy, REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "6020114"))
        .hasMessage("MPN id 6020114 is not one of your active resellers. Choose a reseller from the list.");
    complete(task("UserTask_ReviewOrder"), REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383");
    runJobs();

    task("UserTask_ShowConfirmation");
    String orderNumbers = (String) variable(ORDER_NUMBERS);
    assertThat(variable(ORDER_COUNT)).isEqualTo(2); // upfront and monthly lines make one order each
    complete(task("UserTask_ShowConfirmation"));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_OrderPlaced");

    List<PlacedOrder> placed = orders.ordersOfCustomer(customer.id(), 10);
    assertThat(placed).hasSize(2);
    assertThat(orderNumbers.split(", ")).containsExactlyInAnyOrderElementsOf(placed.stream().map(PlacedOrder::orderId).toList());
    for (PlacedOrder order : placed) {
      assertThat(order.orderId()).hasSize(33);
      assertThat(order.placedBy()).isEqualTo("alice");
      assertThat(order.scope()).isEqualTo(Scope.SHARED);
      assertThat(order.resellerMpnId()).isEqualTo("4847383");
      assertThat(order.subscriptionId()).isEqualTo(subscriptionId);
      assertThat(order.total().amount()).isEqualByComparingTo(order.lines().stream()
          .map(l -> l.unitPrice().amount().multiply(BigDecimal.valueOf(l.quantity()))).reduce(BigDecimal.ZERO, BigDecimal::add));
      assertThat(partnerCenter.getOrder(order.customerId(), order.orderId())).isPresent();
    }
    PlacedOrder upfront = placed.stream().filter(o -> o.billingCycle().equals("one_time")).findFirst().orElseThrow();
    assertThat(upfront.lines()).singleElement().satisfies(line -> {
      assertThat(line.armSkuName()).isEqualTo("Standard_D4s_v5");
      assertThat(line.quantity()).isEqualTo(3);
      assertThat(line.termDuration()).isEqualTo("P3Y");
    });

    ResponseEntity<String> anonymous = rest.getForEntity("/api/orders?customerId=" + upfront.customerId(), String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> listed = rest.withBasicAuth("alice", "alice")
        .getForEntity("/api/orders?customerId=" + upfront.customerId(), String.class);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(listed.getBody()).findValuesAsText("orderId")).containsAll(List.of(orderNumbers.split(", ")));
    ResponseEntity<String> one = rest.withBasicAuth("alice", "alice").getForEntity("/api/orders/" + upfront.orderId(), String.class);
    assertThat(json.readTree(one.getBody()).get("lines").get(0).get("quantity").asLong()).isEqualTo(3);
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("alice", "alice").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // A wrong password is refused. (Not a real user's: Camunda would then throttle that user's logins for
    // a few seconds, and other tests log in as them.)
    assertThat(rest.withBasicAuth("mallory", "wrong").getForEntity("/api/orders", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void partnerCenterRefusingTheOrder_bringsTheAgentBackWithTheReason_andNothingIsHalfPlaced() throws Exception {
    instanceId = Jobs.startAs(identity, runtime, "bob", PROCESS_KEY, Map.of(CUSTOMER_SEARCH, "Tailspin Toys"));
    runJobs();
    String subscriptionId = jsonVariable(SUBSCRIPTION_OPTIONS).get(0).get("value").asText();
    complete(task("UserTask_ChooseSubscription"), SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, subscriptionId);
    runJobs();
    complete(task("UserTask_ChooseRecommendations"), RECOMMENDATION_ACTION, "search");
    complete(task("UserTask_FilterReservations"), REGION, "eastus", SIZE_FILTER, "B2s", TERM, "P1Y", BILLING_PLAN, "upfront");
    runJobs();
    complete(task("UserTask_ChooseReservation"), CART_ACTION, "addAndReview",
        RESERVATION, jsonVariable(RESERVATION_RESULTS).get(0).get("value").asText(), QUANTITY, 1);
    assertThat(variable(RESELLER_MPN_ID)).as("the customer's own reseller is preselected").isEqualTo("4847383");
    complete(task("UserTask_ReviewOrder"), REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383");
    String purchaseId = (String) variable(PURCHASE_ID);
    String partnerCenterOrders = "select count(*) from pc_order where customer_id = (select customer_id from purchase where id = ?)";
    int ordersBefore = jdbc.queryForObject(partnerCenterOrders, Integer.class, purchaseId);

    // The reseller relationship ends between the review and the order: Partner Center refuses the cart (800016).
    jdbc.update("update pc_reseller set state = 'Terminated' where mpn_id = '4847383'");
    try {
      runJobs();
      task("UserTask_FixOrder");
      assertThat(variable(ORDER_PROBLEM).toString()).isEqualTo("Partner Center refused the order: Not a valid indirect reseller: "
          + "4847383 (Partner Center error 800016, HTTP 400). Choose another reseller at review.");
      assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count()).as("a business outcome, not an incident").isZero();
      assertThat(orders.ordersOfCustomer(customerIdOfPurchase(purchaseId), 10)).noneMatch(o -> o.purchaseId().equals(purchaseId));
      assertThat(jdbc.queryForObject(partnerCenterOrders, Integer.class, purchaseId))
          .as("Partner Center created no order either").isEqualTo(ordersBefore);

      complete(task("UserTask_FixOrder"), FIX_ACTION, "review");
      task("UserTask_ReviewOrder");
      assertThat(variable(REVIEW_NOTE).toString()).contains("800016");
      complete(task("UserTask_ReviewOrder"), REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "5123907");
      runJobs();
    } finally {
      jdbc.update("update pc_reseller set state = 'Active' where mpn_id = '4847383'");
    }
    task("UserTask_ShowConfirmation");
    assertThat(orders.ordersOfCustomer(customerIdOfPurchase(purchaseId), 10)).filteredOn(o -> o.purchaseId().equals(purchaseId))
        .singleElement().satisfies(o -> assertThat(o.resellerMpnId()).isEqualTo("5123907"));
  }

  private String customerIdOfPurchase(String purchaseId) {
    return jdbc.queryForObject("select customer_id from purchase where id = ?", String.class, purchaseId);
  }

  private PurchaseDriver driver() {
    return new PurchaseDriver(runtime, tasks, identity, management, instanceId);
  }

  private void runJobs() {
    driver().runJobs();
  }

  private Task task(String key) {
    return driver().task(key);
  }

  private void complete(Task task, Object... nameValues) {
    driver().complete(task, nameValues);
  }

  private Object variable(String name) {
    return driver().variable(name);
  }

  private JsonNode jsonVariable(String name) {
    return driver().jsonVariable(name);
  }
}
