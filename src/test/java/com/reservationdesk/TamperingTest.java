package com.reservationdesk;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.order.OrderService;
import com.reservationdesk.order.PlacedOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The server trusts nothing an agent can write: each case is tried as an attacker would, with an agent's own
 * login on the documented APIs (Tasklist sends the same requests), and each must be refused with a sentence
 * and change nothing, in Reservation Desk's tables, in the processes, or at the (embedded) Partner Center.
 */
@AppTest
class TamperingTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired OrderService orders;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  final List<String> instances = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    identity.clearAuthentication();
    instances.stream().filter(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0)
        .forEach(id -> runtime.deleteProcessInstance(id, "test done"));
    if (identity.createUserQuery().userId("dave").count() > 0) {
      identity.deleteUser("dave");
    }
  }

  // --- One rule: a task accepts exactly the fields its form declares --------------------------------------

  @Test
  void aColleaguesPurchaseIdSentWithMyReview_neitherBuysNorChangesHisCart() throws Exception {
    PurchaseDriver alice = toReview("alice", "Contoso Ltd", 2);
    PurchaseDriver bob = toReview("bob", "Tailspin Toys", 2);
    String bobsPurchase = (String) bob.variable(PURCHASE_ID);
    String before = state(alice, bob);

    ResponseEntity<String> buy = complete("alice", alice.task("UserTask_ReviewOrder"), Map.of(REVIEW_ACTION, "buy", SCOPE, "shared",
        RESELLER_MPN_ID, "4847383", PURCHASE_ID, bobsPurchase));
    assertRefused(buy, "\u201cReview the order\u201d takes only the fields of its form (cartLine, newQuantity, resellerMpnId, "
        + "reviewAction, scope): \u201cpurchaseId\u201d is not one of them. Nothing was saved.");
    ResponseEntity<String> change = complete("alice", alice.task("UserTask_ReviewOrder"), Map.of(REVIEW_ACTION, "changeQuantity",
        CART_LINE, "1", NEW_QUANTITY, 7, PURCHASE_ID, bobsPurchase));
    assertRefused(change, "\u201cpurchaseId\u201d is not one of them");
    assertThat(state(alice, bob)).isEqualTo(before);

    // Her own change, without the extra field, changes her cart only: the purchase is found by her process, not a variable.
    assertThat(complete("alice", alice.task("UserTask_ReviewOrder"), Map.of(REVIEW_ACTION, "changeQuantity", CART_LINE, "1",
        NEW_QUANTITY, 7)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(quantities(alice)).containsExactly(7L);
    assertThat(quantities(bob)).containsExactly(2L);
  }

  @Test
  void tasklistsOwnRoute_theWebappsApi_refusesTheSameWithTheSameSentence() throws Exception {
    PurchaseDriver alice = toReview("alice", "Contoso Ltd", 2);
    String before = state(alice);
    WebappSession tasklist = WebappSession.login(rest, "alice", "alice", "tasklist");
    ResponseEntity<String> answer = tasklist.call(HttpMethod.POST, "/camunda/api/engine/engine/default/task/"
        + alice.task("UserTask_ReviewOrder").getId() + "/submit-form", "{\"variables\": {\"reviewAction\": {\"value\": \"buy\"}, "
        + "\"scope\": {\"value\": \"shared\"}, \"resellerMpnId\": {\"value\": \"4847383\"}, \"cartTotal\": {\"value\": \"$1\"}}}");
    assertRefused(answer, "\u201ccartTotal\u201d is not one of them. Nothing was saved.");
    assertThat(state(alice)).isEqualTo(before);
  }

  @Test
  void anotherCustomersIdsSentWhenChoosingTheSubscription_areRefused_andTheOrderGoesToTheRecordedCustomer() throws Exception {
    PurchaseDriver tailspin = toReview("bob", "Tailspin Toys", 1);
    String tailspinCustomer = jdbc.queryForObject("select customer_id from purchase where id = ?", String.class,
        tailspin.variable(PURCHASE_ID));
    String tailspinSubscription = jdbc.queryForObject("select subscription_id from purchase where id = ?", String.class,
        tailspin.variable(PURCHASE_ID));
    PurchaseDriver contoso = started("alice", "Contoso Ltd");
    Task choose = contoso.task("UserTask_ChooseSubscription");
    String contosoSubscription = contoso.jsonVariable(SUBSCRIPTION_OPTIONS).get(0).get("value").asText();
    String before = state(contoso, tailspin);

    assertRefused(complete("alice", choose, Map.of(SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, contosoSubscription,
        CUSTOMER_ID, tailspinCustomer)), "\u201ccustomerId\u201d is not one of them");
    // The declared field with another customer's subscription: checked against the recorded customer.
    assertRefused(complete("alice", choose, Map.of(SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, tailspinSubscription)),
        "is not an Azure subscription of this customer");
    assertThat(state(contoso, tailspin)).isEqualTo(before);

    complete("alice", choose, Map.of(SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, contosoSubscription));
    buyOneB1s(contoso, "alice", 1);
    contoso.runJobs();
    contoso.task("UserTask_ShowConfirmation");
    PlacedOrder order = orders.newestOrders(50).stream().filter(o -> o.purchaseId().equals(contoso.variable(PURCHASE_ID)))
        .findFirst().orElseThrow();
    assertThat(order.customerName()).isEqualTo("Contoso Ltd");
    assertThat(order.subscriptionId()).isEqualTo(contosoSubscription);
  }

  @Test
  void tamperedTotalsAndLinesOnEveryVariableRoute_areRefused_andTheApproverReadsTheRecords() throws Exception {
    PurchaseDriver alice = started("alice", "Contoso Ltd");
    complete("alice", alice.task("UserTask_ChooseSubscription"), Map.of(SUBSCRIPTION_ACTION, "choose",
        SUBSCRIPTION_ID, alice.jsonVariable(SUBSCRIPTION_OPTIONS).get(0).get("value").asText()));
    // More than 500 units: the approval table says an approver decides.
    addB1s(alice, "alice", 501);
    Task review = alice.task("UserTask_ReviewOrder");
    String realTotal = (String) alice.variable(CART_TOTAL);
    String before = state(alice);
    String task = "/engine-rest/task/" + review.getId();

    assertRefused(send("alice", HttpMethod.PUT, task + "/variables/" + CART_TOTAL, "{\"value\": \"$1.00\"}"), "\u201ccartTotal\u201d");
    assertRefused(send("alice", HttpMethod.PUT, task + "/localVariables/" + CART_LINES,
        "{\"value\": \"[{\\\"quantity\\\": \\\"1 instance\\\"}]\", \"type\": \"Json\"}"), "\u201ccartLines\u201d");
    assertRefused(send("alice", HttpMethod.POST, task + "/variables",
        "{\"modifications\": {\"" + CART_TOTAL + "\": {\"value\": \"$1.00\"}}}"), "\u201ccartTotal\u201d");
    assertRefused(send("alice", HttpMethod.POST, task + "/localVariables",
        "{\"modifications\": {\"" + REVIEW_ACTION + "\": {\"value\": \"buy\"}}, \"deletions\": [\"" + CART_LINES + "\"]}"),
        "\u201ccartLines\u201d");
    assertRefused(send("alice", HttpMethod.DELETE, task + "/variables/" + CART_TOTAL, null), "\u201ccartTotal\u201d");
    assertRefused(send("alice", HttpMethod.DELETE, task + "/localVariables/" + ORDER_QUANTITY, null), "\u201corderQuantity\u201d");
    assertRefused(BytesUpload.post(rest, "alice", task + "/variables/" + CART_TOTAL + "/data", new byte[] {'1'}), "\u201ccartTotal\u201d");
    assertRefused(BytesUpload.post(rest, "alice", task + "/localVariables/" + CART_LINES + "/data", new byte[] {'1'}), "\u201ccartLines\u201d");
    assertRefused(send("alice", HttpMethod.POST, task + "/submit-form",
        "{\"variables\": {\"" + REVIEW_ACTION + "\": {\"value\": \"buy\"}, \"" + ORDER_TOTAL_AMOUNT + "\": {\"value\": 1}}}"),
        "\u201corderTotalAmount\u201d");
    assertRefused(send("alice", HttpMethod.POST, task + "/resolve", "{\"variables\": {\"" + CART_TOTAL + "\": {\"value\": \"$1\"}}}"),
        "\u201ccartTotal\u201d");
    // Outside the forms altogether: BPMN errors at a user task, process variables, messages.
    assertRefused(send("alice", HttpMethod.POST, task + "/bpmnError", "{\"errorCode\": \"OrderRefused\"}"), "outside its forms");
    assertThat(send("alice", HttpMethod.PUT, "/engine-rest/process-instance/" + alice.instanceId() + "/variables/" + CART_TOTAL,
        "{\"value\": \"$1.00\"}").getStatusCode().is2xxSuccessful()).isFalse();
    assertRefused(send("alice", HttpMethod.POST, "/engine-rest/message", "{\"messageName\": \"x\", \"processInstanceId\": \""
        + alice.instanceId() + "\", \"processVariables\": {\"" + CART_TOTAL + "\": {\"value\": \"$1\"}}}"), "outside its forms");
    assertThat(state(alice)).isEqualTo(before);

    // Even if the process's copy of the cart said otherwise, the approver reads what the records say: the server
    // writes the approval task's own variables when it creates the task, and decides on approval from the records.
    runtime.setVariable(alice.instanceId(), CART_TOTAL, "$1.00");
    assertThat(complete("alice", review, Map.of(REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task approval = alice.task("UserTask_ApproveOrder");
    JsonNode view = json.readTree(send("carol", HttpMethod.GET, "/engine-rest/task/" + approval.getId() + "/form-variables?deserializeValues=false", null)
        .getBody());
    assertThat(view.get(CART_TOTAL).get("value").asText()).isEqualTo(realTotal);
    assertThat(view.get(REQUESTED_BY).get("value").asText()).isEqualTo("alice");
    assertThat(view.get(APPROVAL_REASON).get("value").asText()).contains("500");
    JsonNode lines = view.get(CART_LINES).get("value");
    assertThat((lines.isTextual() ? json.readTree(lines.asText()) : lines).get(0).get("quantity").asText()).isEqualTo("501 instances");
    // The requester has no right on the approval task at all.
    assertThat(send("alice", HttpMethod.PUT, "/engine-rest/task/" + approval.getId() + "/variables/" + CART_TOTAL,
        "{\"value\": \"$1.00\"}").getStatusCode().is2xxSuccessful()).isFalse();

    send("carol", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\": \"carol\"}");
    assertRefused(complete("carol", approval, Map.of(APPROVAL_DECISION, "approve", CART_TOTAL, "$2.00")), "\u201ccartTotal\u201d");
    assertThat(complete("carol", approval, Map.of(APPROVAL_DECISION, "approve")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    alice.runJobs();
    alice.task("UserTask_ShowConfirmation");
    assertThat(orders.newestOrders(50).stream().filter(o -> o.purchaseId().equals(alice.variable(PURCHASE_ID)))
        .flatMap(o -> o.lines().stream()).mapToLong(PlacedOrder.Line::quantity).sum()).isEqualTo(501);
  }

  @Test
  void startedByCannotBeSentAnywhere_andNobodyApprovesTheirOwnPurchase() throws Exception {
    identity.saveUser(newUser("dave"));
    identity.createMembership("dave", "agents");
    identity.createMembership("dave", "approvers");
    long before = runtime.createProcessInstanceQuery().count();

    // At the start (the start form has customerSearch only), with a business key, or at another activity.
    String start = "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start";
    assertRefused(send("dave", HttpMethod.POST, start, "{\"variables\": {\"customerSearch\": {\"value\": \"Contoso\"}, "
        + "\"startedBy\": {\"value\": \"carol\"}}}"), "\u201cstartedBy\u201d is not one of them. Nothing was started.");
    assertRefused(send("dave", HttpMethod.POST, "/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form",
        "{\"variables\": {\"customerSearch\": {\"value\": \"Contoso\"}, \"purchaseId\": {\"value\": \"x\"}}}"),
        "\u201cpurchaseId\u201d is not one of them");
    assertRefused(send("dave", HttpMethod.POST, start, "{\"businessKey\": \"someone-elses-purchase\", \"variables\": "
        + "{\"customerSearch\": {\"value\": \"Contoso\"}}}"), "without a business key");
    assertRefused(send("dave", HttpMethod.POST, start, "{\"variables\": {\"customerSearch\": {\"value\": \"Contoso\"}}, "
        + "\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"ServiceTask_PlaceOrder\"}]}"),
        "starts at its start event");
    assertThat(runtime.createProcessInstanceQuery().count()).as("nothing started").isEqualTo(before);

    // dave, both agent and approver, buys more than 500 units; at a task, startedBy is refused too.
    PurchaseDriver dave = toReview("dave", "Contoso Ltd", 501);
    assertRefused(complete("dave", dave.task("UserTask_ReviewOrder"), Map.of(REVIEW_ACTION, "buy", SCOPE, "shared",
        RESELLER_MPN_ID, "4847383", STARTED_BY, "carol")), "\u201cstartedBy\u201d is not one of them");
    complete("dave", dave.task("UserTask_ReviewOrder"), Map.of(REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383"));
    Task approval = dave.task("UserTask_ApproveOrder");
    send("dave", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\": \"dave\"}");
    assertRefused(complete("dave", approval, Map.of(APPROVAL_DECISION, "approve")),
        "You asked for this purchase, so another approver must decide on it.");
    assertThat(jdbc.queryForObject("select decided_by from purchase where id = ?", String.class, dave.variable(PURCHASE_ID))).isNull();
    assertThat(dave.task("UserTask_ApproveOrder").getId()).isEqualTo(approval.getId());
    send("dave", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/unclaim", null);
    send("carol", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\": \"carol\"}");
    assertThat(complete("carol", approval, Map.of(APPROVAL_DECISION, "approve")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    dave.runJobs();
    assertThat(dave.task("UserTask_ShowConfirmation").getAssignee()).isEqualTo("dave");
  }

  // --- One visibility model -----------------------------------------------------------------------------

  @Test
  void agentsReadNoPurchaseHistory_onlyTheirOwnPurchasesOnTheirPage_operatorsReadEverything() throws Exception {
    PurchaseDriver alice = toReview("alice", "Contoso Ltd", 1);
    String instance = alice.instanceId();
    for (String path : List.of("/history/process-instance?processInstanceId=", "/history/variable-instance?processInstanceId=",
        "/history/task?processInstanceId=", "/history/activity-instance?processInstanceId=", "/history/user-operation?processInstanceId=",
        "/history/detail?processInstanceId=")) {
      for (String user : List.of("bob", "carol", "alice")) {
        ResponseEntity<String> answer = send(user, HttpMethod.GET, "/engine-rest" + path + instance, null);
        assertThat(answer.getStatusCode().is2xxSuccessful() ? json.readTree(answer.getBody()) : json.createArrayNode())
            .as(user + " reads " + path).isEmpty();
      }
      assertThat(json.readTree(send("oscar", HttpMethod.GET, "/engine-rest" + path + instance, null).getBody()))
          .as("an operator reads " + path).isNotEmpty();
    }
    assertThat(send("bob", HttpMethod.GET, "/engine-rest/process-instance/" + instance, null).getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(json.readTree(send("bob", HttpMethod.GET, "/engine-rest/task?processInstanceId=" + instance, null).getBody())).isEmpty();

    JsonNode alicesPurchases = json.readTree(send("alice", HttpMethod.GET, "/api/purchases", null).getBody());
    assertThat(alicesPurchases.findValuesAsText("purchaseId")).contains((String) alice.variable(PURCHASE_ID));
    assertThat(json.readTree(send("bob", HttpMethod.GET, "/api/purchases", null).getBody()).findValuesAsText("purchaseId"))
        .doesNotContain((String) alice.variable(PURCHASE_ID));
    assertThat(rest.withBasicAuth("alice", "alice").getForEntity("/purchases", String.class).getBody())
        .contains("Your purchases").contains("Contoso Ltd").contains("Cart open");
  }

  @Test
  void aPurchaseWaitingForTheRegistration_saysSoOnTheAgentsPage() throws Exception {
    PurchaseDriver alice = toReview("alice", "Contoso Ltd", 1);
    String purchaseId = (String) alice.variable(PURCHASE_ID);
    String subscription = jdbc.queryForObject("select subscription_id from purchase where id = ?", String.class, purchaseId);
    // Microsoft is still registering the subscription (the embedded Partner Center finishes it in the year 2100).
    jdbc.update("merge into pc_registration (azure_subscription_id, status, requested_at) key (azure_subscription_id) "
        + "values (?, 'registering', timestamp with time zone '2100-01-01 00:00:00+00')", subscription.toLowerCase());
    try {
      complete("alice", alice.task("UserTask_ReviewOrder"), Map.of(REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383"));
      management.createJobQuery().processInstanceId(alice.instanceId()).list().forEach(job -> management.executeJob(job.getId()));
      assertThat(rest.withBasicAuth("alice", "alice").getForEntity("/purchases", String.class).getBody())
          .contains("Waiting for Microsoft to register subscription");
    } finally {
      jdbc.update("delete from pc_registration where azure_subscription_id = ?", subscription.toLowerCase());
    }
  }

  private static org.camunda.bpm.engine.identity.User newUser(String id) {
    org.camunda.bpm.engine.impl.persistence.entity.UserEntity user = new org.camunda.bpm.engine.impl.persistence.entity.UserEntity(id);
    user.setPassword(id);
    user.setFirstName("Dave");
    user.setLastName("Both");
    return user;
  }

  // --- helpers ------------------------------------------------------------------------------------------

  private PurchaseDriver started(String agent, String customer) {
    String id = Jobs.startAs(identity, runtime, agent, PROCESS_KEY, Map.of(CUSTOMER_SEARCH, customer));
    instances.add(id);
    PurchaseDriver driver = new PurchaseDriver(runtime, tasks, identity, management, id);
    driver.runJobs();
    return driver;
  }

  /** A purchase at its review, with a cart of one B1s line of the given quantity. */
  private PurchaseDriver toReview(String agent, String customer, long quantity) throws Exception {
    PurchaseDriver driver = started(agent, customer);
    driver.complete(driver.task("UserTask_ChooseSubscription"), SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID,
        driver.jsonVariable(SUBSCRIPTION_OPTIONS).get(0).get("value").asText());
    addB1s(driver, agent, quantity);
    driver.task("UserTask_ReviewOrder");
    return driver;
  }

  private void addB1s(PurchaseDriver driver, String agent, long quantity) {
    driver.skipRecommendations();
    driver.complete(driver.task("UserTask_FilterReservations"), PRODUCT_TYPE, "vm", REGION, "eastus", SIZE_FILTER, "Standard_B1s",
        TERM, "P1Y", BILLING_PLAN, "upfront");
    driver.runJobs();
    driver.complete(driver.task("UserTask_ChooseReservation"), CART_ACTION, "addAndReview",
        RESERVATION, driver.jsonVariable(RESERVATION_RESULTS).get(0).get("value").asText(), QUANTITY, quantity);
  }

  private void buyOneB1s(PurchaseDriver driver, String agent, long quantity) {
    addB1s(driver, agent, quantity);
    driver.complete(driver.task("UserTask_ReviewOrder"), REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383");
  }

  private List<Long> quantities(PurchaseDriver driver) {
    return jdbc.queryForList("select quantity from purchase_line where purchase_id = ? order by line_no", Long.class,
        driver.variable(PURCHASE_ID));
  }

  /** Everything an attack could have changed: our tables, the processes' variables, the embedded Partner Center. */
  private String state(PurchaseDriver... purchases) {
    StringBuilder state = new StringBuilder();
    state.append(jdbc.queryForList("select * from purchase order by id")).append('\n');
    state.append(jdbc.queryForList("select * from purchase_line order by purchase_id, line_no")).append('\n');
    state.append(jdbc.queryForList("select order_id from placed_order order by order_id")).append('\n');
    for (String table : List.of("pc_cart", "pc_cart_line", "pc_order", "pc_order_line", "pc_subscription", "pc_azure_entitlement")) {
      state.append(table).append(' ').append(jdbc.queryForObject("select count(*) from " + table, Long.class)).append('\n');
    }
    for (PurchaseDriver purchase : purchases) {
      state.append(new TreeMap<>(runtime.getVariables(purchase.instanceId()))).append('\n');
      state.append(tasks.createTaskQuery().processInstanceId(purchase.instanceId()).list().stream()
          .map(t -> t.getTaskDefinitionKey() + ":" + t.getAssignee()).toList()).append('\n');
    }
    return state.toString();
  }

  private ResponseEntity<String> complete(String user, Task task, Map<String, Object> values) throws Exception {
    return new RestTasks(rest).complete(user, task, values);
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, String body) {
    return new RestTasks(rest).send(user, method, path, body);
  }

  private void assertRefused(ResponseEntity<String> answer, String sentence) throws Exception {
    RestTasks.assertRefused(answer, sentence);
  }
}
