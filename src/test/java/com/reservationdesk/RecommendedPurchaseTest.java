package com.reservationdesk;

import static com.reservationdesk.RestTasks.assertRefused;
import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.reservationdesk.RestTasks.TypedValue;
import com.reservationdesk.order.OrderService;
import com.reservationdesk.order.PlacedOrder;
import com.reservationdesk.recommendation.Recommendation;
import com.reservationdesk.recommendation.RecommendationService;
import com.reservationdesk.recommendation.Recommendations;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recommendations inside the purchase, on the demo usage, through the documented API: what the demo customers teach
 * (steady, spiky, moving, covered, restricted), buying what was recommended and a savings plan, and every way an agent
 * could try to put something else in the cart from the recommendation step.
 */
@AppTest
class RecommendedPurchaseTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired RecommendationService recommendations;
  @Autowired OrderService orders;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  final List<String> instances = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    instances.stream().filter(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0)
        .forEach(id -> runtime.deleteProcessInstance(id, "test done"));
  }

  @Test
  void contosoSteadyFleet_oneDsv5Reservation_theGpuSizeListedButNotOffered_andBoughtAsRecommended() throws Exception {
    PurchaseDriver contoso = atRecommendations("alice", "Contoso Ltd", "Contoso Production");
    Recommendations kept = recommendations.ofProcess(contoso.instanceId()).orElseThrow();
    Recommendation dsv5 = kept.recommendations().stream()
        .filter(r -> "Dsv5 Series".equals(r.flexibilityGroup()) && r.term().iso().equals("P3Y")).findFirst().orElseThrow();
    // 8 × D4s_v5 (ratio 2) and 4 × D2s_v5 around the clock: about 20 units of D2s_v5, reserved nearly fully.
    assertThat(dsv5.armRegionName()).isEqualTo("westeurope");
    assertThat(dsv5.normalizedUnits().intValue()).isBetween(18, 20);
    assertThat(dsv5.expectedUtilization()).isGreaterThanOrEqualTo(new BigDecimal("95"));
    assertThat(dsv5.monthlySaving()).isPositive();
    assertThat(dsv5.azureView()).as("Azure's own answer beside ours").startsWith("Azure: ");
    Recommendation gpu = kept.recommendations().stream().filter(r -> r.armSkuName() != null && r.armSkuName().contains("NC"))
        .findFirst().orElseThrow();
    assertThat(gpu.restriction()).contains("GPU");

    JsonNode options = contoso.jsonVariable(RECOMMENDATION_OPTIONS);
    List<String> offered = StreamSupport.stream(options.spliterator(), false).map(o -> o.get("value").asText()).toList();
    assertThat(offered).contains(dsv5.id()).doesNotContain(gpu.id());
    assertThat(contoso.jsonVariable(RECOMMENDATION_ROWS).toString()).contains("Cannot be bought: ");
    String chart = contoso.jsonVariable(RECOMMENDATION_CHART).asText();
    String svg = new String(Base64.getDecoder().decode(chart.substring(chart.indexOf(',') + 1)), StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<svg").contains(dsv5.title().replace("&", "&amp;")).contains("Recommended ");

    RestTasks agent = new RestTasks(rest);
    assertThat(agent.complete("alice", contoso.task("UserTask_ChooseRecommendations"), Map.of(RECOMMENDATION_ACTION, "addAndReview",
        CHOSEN_RECOMMENDATIONS, TypedValue.json("[\"" + dsv5.id() + "\"]"), RECOMMENDATION_BILLING_PLAN, "monthly")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    contoso.task("UserTask_ReviewOrder");
    assertThat(lines(contoso)).containsExactly(dsv5.armSkuName() + " " + dsv5.quantity() + " P3Y MONTHLY");

    contoso.complete(contoso.task("UserTask_ReviewOrder"), REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383");
    contoso.runJobs();
    if (tasks.createTaskQuery().processInstanceId(contoso.instanceId()).taskDefinitionKey("UserTask_ApproveOrder").count() > 0) {
      approveAsCarol(contoso);
    }
    contoso.task("UserTask_ShowConfirmation");
    PlacedOrder order = orderOf(contoso);
    assertThat(order.lines()).singleElement().satisfies(line -> {
      assertThat(line.armSkuName()).isEqualTo(dsv5.armSkuName());
      assertThat(line.quantity()).isEqualTo(dsv5.quantity());
    });
  }

  @Test
  void fourthCoffeeMovesBetweenSizesAndRegions_aSavingsPlanIsRecommended_andBoughtWithItsCommitment() throws Exception {
    PurchaseDriver coffee = atRecommendations("bob", "Fourth Coffee Logistics", null);
    Recommendations kept = recommendations.ofProcess(coffee.instanceId()).orElseThrow();
    Recommendation plan = kept.recommendations().stream().filter(r -> r.id().equals("S3Y")).findFirst().orElseThrow();
    assertThat(plan.hourlyCommitment()).isPositive();
    assertThat(plan.expectedUtilization()).isGreaterThanOrEqualTo(new BigDecimal("90"));
    // Each size runs a third of the time: no 3-year reservation is used the 80 % the rules ask.
    assertThat(kept.recommendations()).filteredOn(r -> !r.isSavingsPlan() && r.term().iso().equals("P3Y")).isEmpty();

    coffee.complete(coffee.task("UserTask_ChooseRecommendations"), RECOMMENDATION_ACTION, "addAndReview",
        CHOSEN_RECOMMENDATIONS, List.of("S3Y"), RECOMMENDATION_BILLING_PLAN, "monthly");
    coffee.task("UserTask_ReviewOrder");
    BigDecimal total = plan.hourlyCommitment().multiply(BigDecimal.valueOf(3 * 8760));
    assertThat(jdbc.queryForMap("select hourly_commitment, unit_price, quantity, reservation_type from purchase_line where purchase_id = ?",
        coffee.variable(PURCHASE_ID))).satisfies(line -> {
          assertThat((BigDecimal) line.get("hourly_commitment")).isEqualByComparingTo(plan.hourlyCommitment());
          assertThat((BigDecimal) line.get("unit_price")).isEqualByComparingTo(total);
          assertThat(line.get("reservation_type")).isEqualTo("SAVINGS_PLAN");
        });
    coffee.complete(coffee.task("UserTask_ReviewOrder"), REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383");
    coffee.runJobs();
    if (tasks.createTaskQuery().processInstanceId(coffee.instanceId()).taskDefinitionKey("UserTask_ApproveOrder").count() > 0) {
      approveAsCarol(coffee);
    }
    coffee.task("UserTask_ShowConfirmation");
    PlacedOrder order = orderOf(coffee);
    assertThat(order.billingCycle()).isEqualTo("monthly");
    assertThat(order.lines()).singleElement().satisfies(line -> {
      assertThat(line.hourlyCommitment()).isEqualByComparingTo(plan.hourlyCommitment());
      assertThat(line.label()).startsWith("Savings plan for compute \u00b7 ").contains(" an hour \u00b7 3 years, monthly");
    });
    assertThat(jdbc.queryForObject("select commitment_amount from pc_order_line where order_id = ?", BigDecimal.class, order.orderId()))
        .as("Partner Center holds the commitment").isEqualByComparingTo(plan.hourlyCommitment());
  }

  @Test
  void adventureWorksSpikes_theBaseIsReserved_notThePeak() {
    PurchaseDriver adventure = atRecommendations("alice", "Adventure Works Cycles", "Production");
    Recommendation dsv5 = recommendations.ofProcess(adventure.instanceId()).orElseThrow().recommendations().stream()
        .filter(r -> "Dsv5 Series".equals(r.flexibilityGroup()) && r.term().iso().equals("P3Y")).findFirst().orElseThrow();
    // A base of 4 × D8s_v5 (16 units of D2s_v5), up to 20 on weekday afternoons (80 units).
    assertThat(dsv5.normalizedUnits().intValue()).isBetween(14, 24);
    assertThat(dsv5.chart().max()).isGreaterThan(60);
    assertThat(dsv5.currency()).isEqualTo("EUR");
  }

  @Test
  void woodgroveIsCovered_andFabrikamsNewSubscriptionHasNoUsage_theFiltersSayWhy() {
    PurchaseDriver woodgrove = started("alice", "Woodgrove Consulting");
    woodgrove.complete(woodgrove.task("UserTask_ChooseSubscription"), SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID,
        woodgrove.jsonVariable(SUBSCRIPTION_OPTIONS).get(0).get("value").asText());
    woodgrove.runJobs();
    woodgrove.task("UserTask_FilterReservations");
    assertThat((String) woodgrove.variable(RECOMMENDATION_SUMMARY)).contains("under the customer's reservations or savings plans")
        .contains("nothing that would pay under the rules");
  }

  @Test
  void theRecommendationStepAcceptsOnlyItsFields_andOnlyThisPurchasesBuyableRecommendations() throws Exception {
    PurchaseDriver contoso = atRecommendations("alice", "Contoso Ltd", "Contoso Production");
    Recommendations kept = recommendations.ofProcess(contoso.instanceId()).orElseThrow();
    String restricted = kept.recommendations().stream().filter(Recommendation::isRestricted).findFirst().orElseThrow().id();
    String reservation = kept.buyable().stream().filter(r -> !r.isSavingsPlan()).findFirst().orElseThrow().id();
    String sameGroupOtherTerm = kept.buyable().stream().filter(r -> !r.isSavingsPlan() && !r.id().equals(reservation)
        && r.flexibilityGroup().equals(kept.recommendations().stream().filter(x -> x.id().equals(reservation)).findFirst()
            .orElseThrow().flexibilityGroup())).map(Recommendation::id).findFirst().orElse(null);
    Task step = contoso.task("UserTask_ChooseRecommendations");
    RestTasks agent = new RestTasks(rest);
    String before = cart(contoso);

    // Fields the form does not declare: what is shown, a reference of our own, the gateway's decision.
    assertRefused(agent.complete("alice", step, Map.of(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS,
        TypedValue.json("[\"" + reservation + "\"]"), RESERVATION, "DZH318Z0BQ4F:00CN")), "\u201creservation\u201d is not one of them");
    assertRefused(agent.complete("alice", step, Map.of(RECOMMENDATION_ACTION, "search", RECOMMENDATION_DECISION, "REVIEW")),
        "\u201crecommendationDecision\u201d is not one of them");
    assertRefused(agent.complete("alice", step, Map.of(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS,
        TypedValue.json("[\"" + reservation + "\"]"), RECOMMENDATION_ROWS, "[]")), "\u201crecommendationRows\u201d is not one of them");
    // Declared fields with values no form offers.
    assertRefused(agent.complete("alice", step, Map.of(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS,
        TypedValue.json("[\"R99\"]"))), "\u201cR99\u201d is not one of this purchase's recommendations");
    assertRefused(agent.complete("alice", step, Map.of(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS,
        TypedValue.json("[\"" + restricted + "\"]"))), "cannot be bought for this subscription");
    assertRefused(agent.complete("alice", step, Map.of(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS,
        TypedValue.json("[\"" + reservation + "\",\"S3Y\"]"))), "not both");
    assertRefused(agent.complete("alice", step, Map.of(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS,
        TypedValue.json("[\"S1Y\",\"S3Y\"]"))), "Tick one savings plan");
    if (sameGroupOtherTerm != null) {
      assertRefused(agent.complete("alice", step, Map.of(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS,
          TypedValue.json("[\"" + reservation + "\",\"" + sameGroupOtherTerm + "\"]"))), "Tick one term");
    }
    assertRefused(agent.complete("alice", step, Map.of(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS,
        TypedValue.json("{\"R1\": 5}"))), "Tick recommendations from the list.");
    assertRefused(agent.complete("alice", step, Map.of(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS,
        TypedValue.json("[\"R1' or 1=1 --\"]"))), "Tick recommendations from the list.");
    assertRefused(agent.complete("alice", step, Map.of(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS,
        TypedValue.json("[]"))), "Tick at least one recommendation");
    assertRefused(agent.complete("alice", step, Map.of(RECOMMENDATION_ACTION, "buyEverything")), "Choose what to do");
    assertRefused(agent.complete("alice", step, Map.of(RECOMMENDATION_ACTION, "addAndReview", CHOSEN_RECOMMENDATIONS,
        TypedValue.json("[\"" + reservation + "\"]"), RECOMMENDATION_BILLING_PLAN, "free")), "Billing plan \u201cfree\u201d is unknown");
    assertThat(cart(contoso)).as("nothing refused reached the cart").isEqualTo(before);
    assertThat(contoso.task("UserTask_ChooseRecommendations").getId()).isEqualTo(step.getId());

    // The page with the pictures: the agent who started the purchase and operators; for anyone else it does not exist.
    String page = "/purchases/" + contoso.variable(PURCHASE_ID) + "/recommendations";
    ResponseEntity<String> own = agent.send("alice", HttpMethod.GET, page, null);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody()).contains("Recommended for <span>Contoso Ltd</span>").contains("<svg").contains("Expected utilization");
    assertThat(agent.send("bob", HttpMethod.GET, page, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(picture("bob", page + "/" + reservation + ".svg").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(agent.send("oscar", HttpMethod.GET, page, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> picture = picture("alice", page + "/" + reservation + ".svg");
    assertThat(picture.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(picture.getHeaders().getContentType()).hasToString("image/svg+xml");
    assertThat(picture.getBody()).startsWith("<svg");
  }

  @Test
  void aSavingsPlanFromTheFilterForm_isCheckedAgainstThePolicyAndTheSubscription() throws Exception {
    PurchaseDriver tailspin = atRecommendations("bob", "Tailspin Toys", null);
    tailspin.complete(tailspin.task("UserTask_ChooseRecommendations"), RECOMMENDATION_ACTION, "search");
    Task filter = tailspin.task("UserTask_FilterReservations");
    RestTasks agent = new RestTasks(rest);
    assertRefused(agent.complete("bob", filter, Map.of(PRODUCT_TYPE, "savingsPlan", SAVINGS_PLAN_COMMITMENT, 0.05,
        SAVINGS_PLAN_TERM, "P3Y", FILTER_ACTION, "search")), "between $0.10 and $200.00 an hour (policy)");
    assertRefused(agent.complete("bob", filter, Map.of(PRODUCT_TYPE, "savingsPlan", SAVINGS_PLAN_COMMITMENT, 1.234,
        SAVINGS_PLAN_TERM, "P3Y", FILTER_ACTION, "search")), "has too many decimals");
    assertRefused(agent.complete("bob", filter, Map.of(PRODUCT_TYPE, "savingsPlan", SAVINGS_PLAN_COMMITMENT, 2,
        SAVINGS_PLAN_TERM, "P5Y", FILTER_ACTION, "search")), "1 year or 3 years");
    assertRefused(agent.complete("bob", filter, Map.of(PRODUCT_TYPE, "savingsPlan", SAVINGS_PLAN_TERM, "P1Y", FILTER_ACTION, "search")),
        "Enter the hourly commitment");
    assertThat(agent.complete("bob", filter, Map.of(PRODUCT_TYPE, "savingsPlan", SAVINGS_PLAN_COMMITMENT, 2.5, SAVINGS_PLAN_TERM, "P1Y",
        BILLING_PLAN, "upfront", FILTER_ACTION, "search")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task review = tailspin.task("UserTask_ReviewOrder");
    assertThat(cart(tailspin)).isEqualTo("[Savings plan for compute 1 P1Y UPFRONT]");
    // A savings plan has no quantity to change, and one per order.
    assertRefused(agent.complete("bob", review, Map.of(REVIEW_ACTION, "changeQuantity", CART_LINE, "1", NEW_QUANTITY, 3)),
        "A savings plan has no quantity");
    agent.complete("bob", review, Map.of(REVIEW_ACTION, "addMore"));
    assertRefused(agent.complete("bob", tailspin.task("UserTask_FilterReservations"), Map.of(PRODUCT_TYPE, "savingsPlan",
        SAVINGS_PLAN_COMMITMENT, 1, SAVINGS_PLAN_TERM, "P3Y", FILTER_ACTION, "search")), "The cart already holds a savings plan");

    // A legacy CSP Azure offer subscription (Wide World Importers) cannot have one.
    PurchaseDriver wideWorld = started("alice", "Wide World Importers");
    wideWorld.complete(wideWorld.task("UserTask_ChooseSubscription"), SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID,
        wideWorld.jsonVariable(SUBSCRIPTION_OPTIONS).get(0).get("value").asText());
    wideWorld.skipRecommendations();
    assertRefused(agent.complete("alice", wideWorld.task("UserTask_FilterReservations"), Map.of(PRODUCT_TYPE, "savingsPlan",
        SAVINGS_PLAN_COMMITMENT, 1, SAVINGS_PLAN_TERM, "P3Y", FILTER_ACTION, "search")), "A savings plan is bought under an Azure plan");
  }

  // --- helpers ------------------------------------------------------------------------------------------

  /** What a browser asks for an image. */
  private ResponseEntity<String> picture(String user, String path) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setAccept(List.of(org.springframework.http.MediaType.valueOf("image/svg+xml"), org.springframework.http.MediaType.ALL));
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers), String.class);
  }

  private PurchaseDriver started(String agent, String customer) {
    PurchaseDriver driver = PurchaseDriver.start(context, agent, customer);
    instances.add(driver.instanceId());
    driver.runJobs();
    return driver;
  }

  private PurchaseDriver atRecommendations(String agent, String customer, String subscriptionName) {
    PurchaseDriver driver = started(agent, customer);
    JsonNode options = driver.jsonVariable(SUBSCRIPTION_OPTIONS);
    String subscription = StreamSupport.stream(options.spliterator(), false)
        .filter(o -> subscriptionName == null || o.get("label").asText().contains(subscriptionName)).findFirst().orElseThrow()
        .get("value").asText();
    driver.complete(driver.task("UserTask_ChooseSubscription"), SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, subscription);
    driver.runJobs();
    driver.task("UserTask_ChooseRecommendations");
    return driver;
  }

  private void approveAsCarol(PurchaseDriver purchase) throws Exception {
    Task approval = purchase.task("UserTask_ApproveOrder");
    RestTasks carol = new RestTasks(rest);
    carol.send("carol", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\": \"carol\"}");
    assertThat(carol.complete("carol", approval, Map.of(APPROVAL_DECISION, "approve")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    purchase.runJobs();
  }

  private PlacedOrder orderOf(PurchaseDriver purchase) {
    return orders.newestOrders(50).stream().filter(o -> o.purchaseId().equals(purchase.variable(PURCHASE_ID))).findFirst().orElseThrow();
  }

  private List<String> lines(PurchaseDriver purchase) {
    return jdbc.queryForList("select arm_sku_name, quantity, term_duration, billing_plan from purchase_line where purchase_id = ? "
        + "order by line_no", purchase.variable(PURCHASE_ID)).stream()
        .map(row -> row.get("arm_sku_name") + " " + row.get("quantity") + " " + row.get("term_duration") + " " + row.get("billing_plan"))
        .toList();
  }

  private String cart(PurchaseDriver purchase) {
    return lines(purchase).toString();
  }
}
