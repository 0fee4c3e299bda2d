package com.reservationdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.reservationdesk.order.OrderService;
import com.reservationdesk.order.PlacedOrder;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.FakePartnerCenterServer;
import com.reservationdesk.partnercenter.Order;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.live.LivePartnerCenter;
import com.reservationdesk.pricing.ComputePrices;
import com.reservationdesk.pricing.retail.FakeRetailPricesServer;
import com.reservationdesk.pricing.retail.RetailPricesApiComputePrices;
import com.reservationdesk.usage.UsageSource;
import com.reservationdesk.usage.live.LiveUsageSource;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole app in live mode against the fake Partner Center: the same process, forms' variables and
 * delegates as on the embedded default, and the fake sees exactly the documented requests, once.
 */
@Tag("own-engine")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveModePurchaseTest {

  private final FakePartnerCenterServer fake = new FakePartnerCenterServer();
  private final FakeRetailPricesServer retailPrices = new FakeRetailPricesServer();
  private ConfigurableApplicationContext app;
  private RuntimeService runtime;
  private TaskService tasks;
  private IdentityService identity;
  private String instanceId;

  @BeforeAll
  void start() {
    app = new SpringApplicationBuilder(ReservationDeskApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:live-mode-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.process-engine-name=live-mode-test",
        "--reservation-desk.partner.mode=live",
        "--reservation-desk.partner.live.base-url=" + fake.baseUrl(),
        "--reservation-desk.partner.live.token-uri=" + fake.tokenUri(),
        "--reservation-desk.partner.live.tenant-id=" + FakePartnerCenterServer.TENANT,
        "--reservation-desk.partner.live.client-id=" + FakePartnerCenterServer.CLIENT_ID,
        "--reservation-desk.partner.live.client-secret=" + FakePartnerCenterServer.CLIENT_SECRET,
        "--reservation-desk.partner.live.health-interval=PT0S",
        "--reservation-desk.retail-prices.base-url=" + retailPrices.baseUrl());
    runtime = app.getBean(RuntimeService.class);
    tasks = app.getBean(TaskService.class);
    identity = app.getBean(IdentityService.class);
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    fake.close();
    retailPrices.close();
  }

  @Test
  void computePricesComeFromTheRetailPricesApi() {
    ComputePrices computePrices = app.getBean(ComputePrices.class);
    assertThat(computePrices).isInstanceOf(RetailPricesApiComputePrices.class);
    assertThat(computePrices.vm("eastus", "Standard_D4s_v5")).hasValueSatisfying(prices -> assertThat(prices.payAsYouGo())
        .isEqualByComparingTo(retailPrices.linuxRow("eastus", "Standard_D4s_v5").unitPrice()));
    assertThat(retailPrices.requests()).isNotEmpty();
  }

  @Test
  void anAgentBuysThroughTheLiveAdapter_andPartnerCenterSeesOneCartAndOneCheckout() throws Exception {
    assertThat(app.getBean(PartnerCenter.class)).isInstanceOf(LivePartnerCenter.class);
    assertThat(app.getBean(UsageSource.class)).as("usage from Microsoft too").isInstanceOf(LiveUsageSource.class);
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForObject("select count(*) from pc_customer", Integer.class)).as("no embedded demo data in live mode").isZero();
    assertThat(jdbc.queryForObject("select count(*) from pc_usage_profile", Integer.class)).as("nor demo usage").isZero();
    Customer tailspin = fake.backend().customer("Tailspin Toys");

    instanceId = Jobs.startAs(identity, runtime, "alice", PROCESS_KEY, java.util.Map.of(CUSTOMER_SEARCH, "Tailspin Toys"));
    PurchaseDriver purchase = driver();
    purchase.runJobs();
    String subscriptionId = purchase.jsonVariable(SUBSCRIPTION_OPTIONS).get(0).get("value").asText();
    purchase.complete(purchase.task("UserTask_ChooseSubscription"), SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, subscriptionId);
    purchase.skipRecommendations();
    purchase.complete(purchase.task("UserTask_FilterReservations"), PRODUCT_TYPE, "vm", REGION, "eastus", SIZE_FILTER, "B2s", TERM, "P1Y",
        BILLING_PLAN, "upfront");
    purchase.runJobs();
    JsonNode results = purchase.jsonVariable(RESERVATION_RESULTS);
    // The catalog was read once (ahead of the search, or by it), not once per search.
    assertThat(fake.wireMock().findAll(getRequestedFor(urlPathEqualTo("/v1/products"))
        .withQueryParam("targetView", equalTo("AzureReservationsVM")).withQueryParam("country", equalTo("US"))
        .withQueryParam("reservationScope", equalTo("AzurePlan")))).hasSize(1);
    assertThat(results.get(0).get("label").asText()).startsWith("Standard_B2s \u00b7 US East \u00b7 1 year");
    assertThat(purchase.variable(PRICE_NOTE).toString()).contains("not your partner price sheet");
    purchase.complete(purchase.task("UserTask_ChooseReservation"), CART_ACTION, "addAndReview", RESERVATION, results.get(0).get("value").asText(),
        QUANTITY, 3);
    purchase.complete(purchase.task("UserTask_ReviewOrder"), REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383");
    String purchaseId = (String) purchase.variable(PURCHASE_ID);
    fake.resetRequests();
    purchase.runJobs();

    purchase.task("UserTask_ShowConfirmation");
    assertThat(purchase.variable(ORDER_COUNT)).isEqualTo(1);
    String orderId = (String) purchase.variable(ORDER_NUMBERS);
    purchase.complete(purchase.task("UserTask_ShowConfirmation"));
    assertThat(app.getBean(HistoryService.class).createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_OrderPlaced");

    // Microsoft's side: one order, for the reseller, with the agent's quantity.
    Order order = fake.backend().partnerCenter().getOrder(tailspin.id(), orderId).orElseThrow();
    assertThat(order.lineItems()).singleElement().satisfies(line -> {
      assertThat(line.quantity()).isEqualTo(3);
      assertThat(line.partnerIdOnRecord()).isEqualTo("4847383");
      assertThat(line.provisioningContext().subscriptionId()).isEqualTo(subscriptionId);
    });
    // Ours: the same order recorded.
    PlacedOrder placed = app.getBean(OrderService.class).order(orderId).orElseThrow();
    assertThat(placed.purchaseId()).isEqualTo(purchaseId);
    assertThat(placed.placedBy()).isEqualTo("alice");

    // What Partner Center saw while the order was placed: exactly the documented requests, once each.
    String requestId = jdbc.queryForObject("select checkout_request_id from purchase where id = ?", String.class, purchaseId);
    String customerPath = "/v1/customers/" + tailspin.id();
    List<LoggedRequest> availabilities = fake.wireMock().findAll(getRequestedFor(urlPathMatching("/v1/products/.*/availabilities")));
    assertThat(availabilities).singleElement().satisfies(a -> {
      assertThat(a.queryParameter("country").firstValue()).isEqualTo("US");
      assertThat(a.queryParameter("reservationScope").firstValue()).isEqualTo("AzurePlan");
    });
    String catalogItemId = order.lineItems().get(0).offerId();
    List<LoggedRequest> carts = fake.wireMock().findAll(postRequestedFor(urlPathEqualTo(customerPath + "/carts")).withRequestBody(
        equalToJson("""
            {"lineItems": [{"id": 1, "catalogItemId": "%s", "quantity": 3, "billingCycle": "one_time", "termDuration": "P1Y",
               "provisioningContext": {"subscriptionId": "%s", "scope": "shared", "duration": "1Year"},
               "participants": [{"key": "transaction_reseller", "value": "4847383"}]}],
             "PartnerOnRecordAttestationAccepted": true}""".formatted(catalogItemId, subscriptionId), false, false)));
    assertThat(carts).hasSize(1);
    assertThat(fake.wireMock().findAll(postRequestedFor(urlPathMatching(customerPath + "/carts/[^/]+/checkout"))
        .withHeader("MS-RequestId", equalTo(requestId)))).hasSize(1);
    assertThat(fake.wireMock().getAllServeEvents()).as("nothing else was sent while ordering").hasSize(3 + countOf("/registrationstatus"));
  }

  @Test
  void partnerCenterFailingDuringAFormSubmission_keepsTheTaskOpenWithASentence() throws Exception {
    Customer contoso = fake.backend().customer("Contoso Ltd");
    instanceId = Jobs.startAs(identity, runtime, "alice", PROCESS_KEY, java.util.Map.of(CUSTOMER_SEARCH, "Contoso Ltd"));
    PurchaseDriver purchase = driver();
    purchase.runJobs();
    Task choose = purchase.task("UserTask_ChooseSubscription");
    String subscriptionId = purchase.jsonVariable(SUBSCRIPTION_OPTIONS).get(0).get("value").asText();
    var outage = fake.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
            urlPathEqualTo("/v1/customers/" + contoso.id() + "/subscriptions"))
        .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
    try {
      // As Tasklist submits it: the check after the form calls Partner Center, which fails.
      assertThatThrownBy(() -> purchase.complete(choose, SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, subscriptionId))
          .hasMessageStartingWith("Partner Center failed; try again in a minute (GET /customers/{customerId}/subscriptions, "
              + "MS-CorrelationId ");
    } finally {
      fake.wireMock().removeStub(outage);
    }
    assertThat(purchase.task("UserTask_ChooseSubscription").getId()).as("nothing changed: the same task is open").isEqualTo(choose.getId());
    purchase.complete(choose, SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, subscriptionId);
    purchase.skipRecommendations();
    purchase.task("UserTask_FilterReservations");
  }

  @Test
  void healthSaysWhetherPartnerCenterAnswers_withoutTakingTheNodeOutOfTheLoadBalancer() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    java.util.function.Function<String, java.net.http.HttpResponse<String>> get = path -> {
      try {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    assertThat(get.apply("/actuator/health").statusCode()).isEqualTo(200);
    var outage = fake.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/customers"))
        .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
    try {
      var health = get.apply("/actuator/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("\"DOWN\"");
      assertThat(get.apply("/actuator/health/readiness").statusCode()).as("Microsoft away is no reason to leave the load balancer")
          .isEqualTo(200);
    } finally {
      fake.wireMock().removeStub(outage);
    }
    assertThat(get.apply("/actuator/health").statusCode()).isEqualTo(200);
  }

  @Test
  void liveModeWithoutItsSettingsDoesNotStart_andSaysWhichAreMissing() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(ReservationDeskApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:live-mode-unset-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.process-engine-name=live-mode-unset-test",
        "--reservation-desk.partner.mode=live",
        "--reservation-desk.partner.live.tenant-id=" + FakePartnerCenterServer.TENANT))
        .rootCause()
        .hasMessageContaining("Live Partner Center mode (reservation-desk.partner.mode=live) needs RESERVATION_DESK_PC_CLIENT_ID "
            + "(reservation-desk.partner.live.client-id). Set it in the environment (see README, \"Live Partner Center\"), or run with "
            + "the embedded Partner Center.")
        .hasMessageContaining("Live Partner Center mode (reservation-desk.partner.mode=live) needs RESERVATION_DESK_PC_CLIENT_SECRET "
            + "(reservation-desk.partner.live.client-secret)")
        .message().doesNotContain("RESERVATION_DESK_PC_TENANT_ID").doesNotContain("RESERVATION_DESK_PC_BASE_URL");
  }

  private int countOf(String pathPart) {
    return (int) fake.wireMock().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().contains(pathPart)).count();
  }

  private PurchaseDriver driver() {
    return new PurchaseDriver(runtime, tasks, identity, app.getBean(ManagementService.class), instanceId);
  }
}
