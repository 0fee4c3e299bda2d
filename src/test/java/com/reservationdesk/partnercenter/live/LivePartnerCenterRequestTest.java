package com.reservationdesk.partnercenter.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.reservationdesk.partnercenter.Availability;
import com.reservationdesk.partnercenter.AzureEntitlement;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Cart;
import com.reservationdesk.partnercenter.CartLineItem;
import com.reservationdesk.partnercenter.CartRequest;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.ErrorCode;
import com.reservationdesk.partnercenter.FakePartnerCenterServer;
import com.reservationdesk.partnercenter.InventoryContext;
import com.reservationdesk.partnercenter.Order;
import com.reservationdesk.partnercenter.PartnerCenterException;
import com.reservationdesk.partnercenter.PartnerCenterUnavailableException;
import com.reservationdesk.partnercenter.ProvisioningContext;
import com.reservationdesk.partnercenter.PurchaseCommitment;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.SavingsPlanProduct;
import com.reservationdesk.partnercenter.Scope;
import com.reservationdesk.partnercenter.Subscription;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What the live adapter sends, exactly as documented (paths, query parameters, headers, bodies), and how
 * it behaves when Partner Center or Microsoft Entra ID answer with an error, throttle, or do not answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class LivePartnerCenterRequestTest {

  private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private final FakePartnerCenterServer fake = new FakePartnerCenterServer();
  private final LivePartnerCenter live = LiveAdapters.connect(fake);
  private final Customer tailspin = fake.backend().customer("Tailspin Toys");
  private final Customer contoso = fake.backend().customer("Contoso Ltd");

  @BeforeEach
  void forgetEarlierRequests() {
    fake.resetRequests();
  }

  @AfterAll
  void stop() {
    fake.close();
  }

  @Test
  void everyCallCarriesTheDocumentedHeaders_andATokenFromTheClientCredentialsGrant() {
    LivePartnerCenter fresh = LiveAdapters.connect(fake);
    fresh.getCustomer(contoso.id());
    fresh.getSubscriptions(contoso.id());

    fake.wireMock().verify(exactly(1), postRequestedFor(urlPathEqualTo("/" + FakePartnerCenterServer.TENANT + "/oauth2/v2.0/token"))
        .withRequestBody(containing("grant_type=client_credentials"))
        .withRequestBody(containing("client_id=" + FakePartnerCenterServer.CLIENT_ID))
        .withRequestBody(containing("scope=https%3A%2F%2Fapi.partnercenter.microsoft.com%2F.default")));
    List<LoggedRequest> calls = fake.wireMock().findAll(getRequestedFor(urlPathMatching("/v1/customers/.*")));
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).getUrl()).isEqualTo("/v1/customers/" + contoso.id());
    assertThat(calls.get(1).getUrl()).isEqualTo("/v1/customers/" + contoso.id() + "/subscriptions");
    assertThat(calls).allSatisfy(call -> {
      assertThat(call.getHeader("Authorization")).startsWith("Bearer fake-access-token-");
      assertThat(call.getHeader("MS-RequestId")).matches(GUID);
      assertThat(call.getHeader("MS-CorrelationId")).matches(GUID);
      assertThat(call.getHeader("X-Locale")).isEqualTo("en-US");
      assertThat(call.getHeader("Accept")).isEqualTo("application/json");
    });
    assertThat(calls.get(0).getHeader("MS-RequestId")).isNotEqualTo(calls.get(1).getHeader("MS-RequestId"));
    assertThat(calls.get(0).getHeader("Authorization")).isEqualTo(calls.get(1).getHeader("Authorization"));
  }

  @Test
  void customerSearchSendsTheDocumentedFilter_andFollowsContinuationTokens() {
    assertThat(live.searchCustomers(CustomerSearchField.COMPANY_NAME, "Litware", 50)).hasSize(9);
    fake.wireMock().verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/customers"))
        .withQueryParam("filter", equalTo("{\"Field\":\"CompanyName\",\"Value\":\"Litware\",\"Operator\":\"starts_with\"}"))
        .withQueryParam("size", equalTo("50")));

    fake.resetRequests();
    assertThat(live.searchCustomers(CustomerSearchField.DOMAIN, "", 25)).hasSize(25);
    List<LoggedRequest> pages = fake.wireMock().findAll(getRequestedFor(urlPathEqualTo("/v1/customers")));
    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).getHeader("MS-ContinuationToken")).isNull();
    assertThat(pages.get(0).queryParameter("filter").isPresent()).isFalse();
    assertThat(pages.subList(1, 3)).allSatisfy(page -> {
      assertThat(page.getHeader("MS-ContinuationToken")).isNotBlank();
      assertThat(page.queryParameter("seekOperation").firstValue()).isEqualTo("next");
    });
  }

  @Test
  void aReservationCartLineIsSentAsDocumented_withTheResellerAsParticipant() {
    ReservationSku d4s = fake.backend().catalog().skus().stream()
        .filter(s -> s.vmSize() != null && s.vmSize().armSkuName().equals("Standard_D4s_v5") && s.armRegionName().equals("westeurope")
            && s.termDuration().equals("P1Y")).findFirst().orElseThrow();
    Availability availability = live.getAvailability("US", d4s.productId(), d4s.skuId());
    fake.wireMock().verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/products/" + d4s.productId() + "/skus/" + d4s.skuId()
        + "/availabilities")).withQueryParam("country", equalTo("US")).withQueryParam("reservationScope", equalTo("AzurePlan")));
    String subscription = azureSubscription(tailspin);

    Cart cart = live.createCart(tailspin.id(), new CartRequest(List.of(new CartLineItem(0, availability.catalogItemId(), 2,
        BillingPlan.UPFRONT.billingCycle(), "P1Y", new ProvisioningContext(subscription, "shared", "1Year"), "4847383")), true));

    fake.wireMock().verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/customers/" + tailspin.id() + "/carts"))
        .withHeader("Content-Type", containing("application/json"))
        .withRequestBody(equalToJson("""
            {"lineItems": [{
               "id": 0,
               "catalogItemId": "%s",
               "quantity": 2,
               "billingCycle": "one_time",
               "termDuration": "P1Y",
               "provisioningContext": {"subscriptionId": "%s", "scope": "shared", "duration": "1Year"},
               "participants": [{"key": "transaction_reseller", "value": "4847383"}]
             }],
             "PartnerOnRecordAttestationAccepted": true}""".formatted(availability.catalogItemId(), subscription), false, false)));
    assertThat(cart.lineItems()).singleElement().satisfies(l -> assertThat(l.resellerMpnId()).isEqualTo("4847383"));
  }

  @Test
  void aSavingsPlanCartLineIsSentAsDocumented_sharedWithThePlanId_singleWithTheEntitlementId() {
    Availability threeYears = live.getAvailability("US", SavingsPlanProduct.PRODUCT_ID, "0002");
    // A savings plan is no reservation SKU: its availability is asked for without reservationScope, and carries its minimum.
    fake.wireMock().verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/products/DZH318Z09V6F/skus/0002/availabilities"))
        .withQueryParam("country", equalTo("US")).withQueryParam("reservationScope", absent()));
    fake.wireMock().verify(exactly(0), getRequestedFor(urlPathEqualTo("/v1/products/DZH318Z09V6F/skus/0002")));
    assertThat(threeYears.minimumPurchaseCommitment()).isEqualTo(PurchaseCommitment.hourly(new BigDecimal("0.001"), "USD"));
    Subscription plan = fake.backend().partnerCenter().getSubscriptions(contoso.id()).stream().filter(Subscription::isAzurePlan)
        .findFirst().orElseThrow();

    live.createCart(contoso.id(), new CartRequest(List.of(new CartLineItem(0, threeYears.catalogItemId(), 1, "one_time", "P3Y",
        ProvisioningContext.savingsPlan(Scope.SHARED, plan.id()), null, PurchaseCommitment.hourly(new BigDecimal("0.05"), "USD"))),
        false));

    LoggedRequest shared = fake.wireMock().findAll(postRequestedFor(urlPathEqualTo("/v1/customers/" + contoso.id() + "/carts"))).get(0);
    assertThat(shared.getBodyAsString()).as("the amount is a JSON number").contains("\"amount\":0.05,");
    assertThat(shared.getBodyAsString()).isEqualToIgnoringWhitespace(("""
        {"lineItems": [{
           "id": 0,
           "catalogItemId": "%s",
           "quantity": 1,
           "billingCycle": "one_time",
           "termDuration": "P3Y",
           "provisioningContext": {"subscriptionId": "%s", "scope": "shared"},
           "purchaseCommitment": {"amount": 0.05, "grain": "hourly", "currency": "usd"}
         }]}""").formatted(threeYears.catalogItemId(), plan.id()));

    fake.resetRequests();
    Availability oneYear = live.getAvailability("US", SavingsPlanProduct.PRODUCT_ID, "0001");
    AzureEntitlement azure = fake.backend().partnerCenter().getAzureEntitlements(tailspin.id(), fake.backend().partnerCenter()
        .getSubscriptions(tailspin.id()).stream().filter(Subscription::isAzurePlan).findFirst().orElseThrow().id()).get(0);
    Cart cart = live.createCart(tailspin.id(), new CartRequest(List.of(new CartLineItem(0, oneYear.catalogItemId(), 1, "monthly", "P1Y",
        ProvisioningContext.savingsPlan(Scope.SINGLE, azure.id()), "4847383", PurchaseCommitment.hourly(new BigDecimal("12.3456"), "USD"))),
        true));

    fake.wireMock().verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/customers/" + tailspin.id() + "/carts"))
        .withRequestBody(equalToJson("""
            {"lineItems": [{
               "id": 0,
               "catalogItemId": "%s",
               "quantity": 1,
               "billingCycle": "monthly",
               "termDuration": "P1Y",
               "provisioningContext": {"scope": "single", "entitlementId": "%s"},
               "purchaseCommitment": {"amount": 12.3456, "grain": "hourly", "currency": "usd"},
               "participants": [{"key": "transaction_reseller", "value": "4847383"}]
             }],
             "PartnerOnRecordAttestationAccepted": true}""".formatted(oneYear.catalogItemId(), azure.id()), false, false)));
    assertThat(cart.lineItems()).singleElement().satisfies(l -> {
      assertThat(l.provisioningContext()).isEqualTo(new ProvisioningContext(azure.id(), "single", null));
      assertThat(l.purchaseCommitment()).isEqualTo(PurchaseCommitment.hourly(new BigDecimal("12.3456"), "USD"));
    });
  }

  @Test
  void aSavingsPlansMinimumIsReadFromItsSku_whenTheAvailabilityLeavesItOut() {
    // Microsoft's examples, as documented: an availability (here without its nested sku) and the SKU by id.
    fake.wireMock().stubFor(get(urlPathEqualTo("/v1/products/DZH318Z09V6F/skus/0001/availabilities")).atPriority(1)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
            {"totalCount": 1, "items": [{"id": "DZH318Z0BLD3", "productId": "DZH318Z09V6F", "skuId": "0001",
              "catalogItemId": "DZH318Z09V6F:0001:DZH318Z0BLD3", "defaultCurrency": {"code": "USD", "symbol": "$"},
              "segment": "commercial", "country": "US", "isPurchasable": true, "isRenewable": false, "renewalInstructions": [],
              "terms": [{"duration": "P1Y", "description": "1year"}]}],
             "attributes": {"objectType": "Collection"}}""")));
    fake.wireMock().stubFor(get(urlPathEqualTo("/v1/products/DZH318Z09V6F/skus/0001")).atPriority(1)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
            {"id": "0001", "productId": "DZH318Z09V6F", "title": "Compute savings plan, 1 Year",
             "description": "Compute savings plan, 1 Year", "minimumQuantity": 1, "maximumQuantity": 1,
             "minimumPurchaseCommitment": {"grain": "Hourly", "currencyCode": {"code": "USD", "symbol": "$"}, "amount": "0.001"},
             "isTrial": false, "supportedBillingCycles": ["one_time", "monthly"], "purchasePrerequisites": ["MicrosoftCloudAgreement"],
             "inventoryVariables": [], "provisioningVariables": [], "actions": ["Refund"],
             "dynamicAttributes": {"isMicrosoftProduct": true, "armSkuName": "Compute_Savings_Plan", "duration": "1year",
                                   "termDuration": "P1Y", "internal": false}}""")));

    Availability availability = live.getAvailability("US", SavingsPlanProduct.PRODUCT_ID, "0001");

    assertThat(availability.catalogItemId()).isEqualTo("DZH318Z09V6F:0001:DZH318Z0BLD3");
    assertThat(availability.terms()).containsExactly("P1Y");
    assertThat(availability.minimumPurchaseCommitment()).isEqualTo(PurchaseCommitment.hourly(new BigDecimal("0.001"), "USD"));
    fake.wireMock().verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/products/DZH318Z09V6F/skus/0001"))
        .withQueryParam("country", equalTo("US")));
  }

  @Test
  void aSavingsPlanOrderIsReadAsDocumented() {
    // Microsoft's "Get an order by ID" example for a savings plan, its unreadable creationDate included.
    fake.wireMock().stubFor(get(urlPathEqualTo("/v1/customers/" + contoso.id() + "/orders/2b912b3392fd")).atPriority(1)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
            {"id": "2b912b3392fd", "alternateId": "2b912b3392fd", "referenceCustomerId": "6f4ce4d8-f42e-45e0-8661-92ad6ac9d003",
             "billingCycle": "monthly", "currencyCode": "USD", "currencySymbol": "US$",
             "lineItems": [{"lineItemNumber": 0, "subscriptionId": "005a9b31-3ba0-4ead-b4fe-ad11e072f7e7",
                            "provisioningContext": {"scope": "single", "entitlementId": "cdd17cc7-14fe-4445-8650-1f52de705851"},
                            "offerId": "DZH318Z09V6F:0001:DZH318Z0BLD3", "termDuration": "P1Y", "transactionType": "New",
                            "friendlyName": "Compute savings plan, 1 Year", "quantity": 1,
                            "purchaseCommitment": {"amount": 0.05, "currency": "usd", "grain": "hourly"}}],
             "creationDate": "2023-05-18TT21:22:26.7034834Z", "status": "completed", "transactionType": "UserPurchase",
             "client": {}, "attributes": {"objectType": "Order"}}""")));

    Order order = live.getOrder(contoso.id(), "2b912b3392fd").orElseThrow();

    assertThat(order.billingCycle()).isEqualTo("monthly");
    assertThat(order.status()).isEqualTo("completed");
    assertThat(order.creationDate()).isNull();
    assertThat(order.lineItems()).singleElement().satisfies(line -> {
      assertThat(line.offerId()).isEqualTo("DZH318Z09V6F:0001:DZH318Z0BLD3");
      assertThat(line.quantity()).isEqualTo(1);
      assertThat(line.termDuration()).isEqualTo("P1Y");
      assertThat(line.provisioningContext()).isEqualTo(new ProvisioningContext("cdd17cc7-14fe-4445-8650-1f52de705851", "single", null));
      assertThat(line.purchaseCommitment()).isEqualTo(PurchaseCommitment.hourly(new BigDecimal("0.05"), "USD"));
    });
  }

  @Test
  void aDirectBillCartHasNoParticipantsAndNoAttestation() {
    ReservationSku sku = fake.backend().catalog().skus().get(0);
    Availability availability = live.getAvailability("US", sku.productId(), sku.skuId());
    String subscription = azureSubscription(contoso);
    live.createCart(contoso.id(), new CartRequest(List.of(new CartLineItem(0, availability.catalogItemId(), 1, "one_time",
        sku.termDuration(), new ProvisioningContext(subscription, "single", ProvisioningContext.durationOf(sku.termDuration())), null)),
        false));
    LoggedRequest request = fake.wireMock().findAll(postRequestedFor(urlPathEqualTo("/v1/customers/" + contoso.id() + "/carts"))).get(0);
    assertThat(request.getBodyAsString()).doesNotContain("participants").doesNotContain("PartnerOnRecordAttestationAccepted")
        .contains("\"scope\":\"single\"");
  }

  @Test
  void checkoutSendsTheCallersRequestId_andA401FetchesOneNewTokenAndSendsTheSameRequestAgain() {
    Cart cart = tailspinCart();
    String requestId = UUID.randomUUID().toString();
    int tokensBefore = fake.tokensIssued();
    fake.revokeTokens();

    var result = live.checkout(tailspin.id(), cart.id(), requestId);

    assertThat(result.orders()).hasSize(1);
    assertThat(fake.tokensIssued()).isEqualTo(tokensBefore + 1);
    List<LoggedRequest> checkouts = fake.wireMock().findAll(postRequestedFor(
        urlPathEqualTo("/v1/customers/" + tailspin.id() + "/carts/" + cart.id() + "/checkout")));
    assertThat(checkouts).hasSize(2).allSatisfy(c -> assertThat(c.getHeader("MS-RequestId")).isEqualTo(requestId));
    assertThat(checkouts.get(0).getHeader("MS-CorrelationId")).isNotEqualTo(checkouts.get(1).getHeader("MS-CorrelationId"));
    assertThat(fake.backend().partnerCenter().getOrder(tailspin.id(), result.orders().get(0).id())).isPresent();

    // A token Partner Center keeps refusing is not asked for forever: one new token, then the error.
    fake.wireMock().stubFor(get(urlPathEqualTo("/v1/relationships")).atPriority(1).willReturn(aResponse().withStatus(401)));
    assertThatThrownBy(live::getIndirectResellers).isInstanceOfSatisfying(PartnerCenterException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(401);
      assertThat(ErrorCode.agentCanAct(e.code())).isFalse();
    });
    fake.wireMock().verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/relationships")));
  }

  @Test
  void aThrottledCallWaitsForRetryAfter_andRepeatsTheSameRequest() {
    fake.wireMock().stubFor(post(urlPathEqualTo("/v1/extensions/product/checkinventory")).atPriority(1)
        .inScenario("throttled").whenScenarioStateIs(STARTED).willSetStateTo("served")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
    ReservationSku closed = fake.backend().catalog().skus().stream().filter(s -> s.vmSize() != null
        && s.vmSize().armSkuName().equals("Standard_D4s_v3") && s.armRegionName().equals("westeurope")).findFirst().orElseThrow();
    String subscription = azureSubscription(contoso);
    long started = System.nanoTime();

    var results = live.checkInventory("US", new InventoryContext(contoso.id(), subscription, "westeurope"), List.of(closed.key()));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(results).singleElement().satisfies(r -> assertThat(r.isRestricted()).isTrue());
    List<LoggedRequest> calls = fake.wireMock().findAll(postRequestedFor(urlPathEqualTo("/v1/extensions/product/checkinventory"))
        .withQueryParam("country", equalTo("US"))
        .withRequestBody(equalToJson("""
            {"TargetItems": [{"ProductId": "%s", "SkuId": "%s"}],
             "InventoryContext": {"customerId": "%s", "azureSubscriptionId": "%s", "armRegionName": "westeurope"}}"""
            .formatted(closed.productId(), closed.skuId(), contoso.id(), subscription), false, false)));
    assertThat(calls).hasSize(2);
    assertThat(calls.get(1).getHeader("MS-RequestId")).isEqualTo(calls.get(0).getHeader("MS-RequestId"));

    // A Retry-After longer than a call should wait is left to the job's retry.
    fake.resetRequests();
    fake.wireMock().stubFor(get(urlPathEqualTo("/v1/relationships")).atPriority(1)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
    assertThatThrownBy(live::getIndirectResellers).isInstanceOfSatisfying(PartnerCenterUnavailableException.class,
        e -> assertThat(e.getMessage()).contains("throttling").contains("120 s"));
    fake.wireMock().verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/relationships")));
  }

  @Test
  void serverErrorsAndSilenceAreTechnical_conflictsAreInProgress() {
    fake.wireMock().stubFor(get(urlPathEqualTo("/v1/relationships")).atPriority(1).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"code\": 800003, \"description\": \"Unexpected service error\", \"data\": [], \"source\": \"PartnerFD\"}")));
    assertThatThrownBy(live::getIndirectResellers).isInstanceOfSatisfying(PartnerCenterException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(500);
      assertThat(e.code()).isEqualTo("800003");
      assertThat(ErrorCode.agentCanAct(e.code())).isFalse();
    });

    fake.resetRequests();
    fake.wireMock().stubFor(get(urlPathEqualTo("/v1/relationships")).atPriority(1).willReturn(aResponse().withStatus(503)
        .withBody("<html>Service Unavailable</html>")));
    assertThatThrownBy(live::getIndirectResellers).isInstanceOfSatisfying(PartnerCenterUnavailableException.class,
        e -> assertThat(e.httpStatus()).isEqualTo(503));

    fake.resetRequests();
    Cart cart = tailspinCart();
    fake.wireMock().stubFor(post(urlPathMatching("/v1/customers/.*/checkout")).atPriority(1).willReturn(aResponse().withStatus(409)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"code\": \"800060\", \"description\": \"Order in progress\", \"data\": [], \"source\": \"PartnerFD\"}")));
    assertThatThrownBy(() -> live.checkout(tailspin.id(), cart.id(), UUID.randomUUID().toString()))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> assertThat(ErrorCode.inProgress(e.code())).isTrue());

    fake.resetRequests();
    LivePartnerCenter impatient = LiveAdapters.connect(LiveAdapters.properties(fake, FakePartnerCenterServer.CLIENT_SECRET,
        Duration.ofMillis(300)));
    impatient.getIndirectResellers(); // the token, and a first answer in time
    fake.wireMock().stubFor(get(urlPathEqualTo("/v1/relationships")).atPriority(1).willReturn(aResponse().withFixedDelay(2_000)
        .withStatus(200).withBody("{\"items\": []}")));
    assertThatThrownBy(impatient::getIndirectResellers).isInstanceOfSatisfying(PartnerCenterUnavailableException.class,
        e -> assertThat(e.getMessage()).startsWith("Partner Center did not answer in time; try again in a minute (GET /relationships: "));
  }

  @Test
  void aPartlyFailedCheckoutGivesTheOrdersAndTheOrderErrors() {
    Cart cart = tailspinCart();
    fake.wireMock().stubFor(post(urlPathMatching("/v1/customers/.*/checkout")).atPriority(1).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("""
            {"orders": [{"id": "311qiN8iFwkv-XARWMvXRYAwYKMACVqv1", "alternateId": "0a3624c6e47d", "referenceCustomerId": "%s",
                         "billingCycle": "one_time", "status": "pending", "currencyCode": "USD",
                         "creationDate": "2026-11-24T08:00:00.1234567Z",
                         "lineItems": [{"lineItemNumber": 0, "offerId": "DZH318Z0BQ36:004G:DZH318Z08C0S", "quantity": 2,
                                        "termDuration": "P1Y", "partnerIdOnRecord": "4847383",
                                        "provisioningContext": {"subscriptionId": "1c461a25", "scope": "shared", "duration": "1Year"}}]}],
             "orderErrors": [{"orderGroupId": "1", "code": 800017, "description": "Quantity not available for this catalog item"}]}
            """.formatted(tailspin.id()))));
    var result = live.checkout(tailspin.id(), cart.id(), UUID.randomUUID().toString());
    assertThat(result.orders()).singleElement().satisfies(order -> {
      assertThat(order.id()).isEqualTo("311qiN8iFwkv-XARWMvXRYAwYKMACVqv1");
      assertThat(order.creationDate()).isEqualTo(java.time.Instant.parse("2026-11-24T08:00:00.1234567Z"));
      assertThat(order.lineItems()).singleElement().satisfies(line -> {
        assertThat(line.quantity()).isEqualTo(2);
        assertThat(line.partnerIdOnRecord()).isEqualTo("4847383");
        assertThat(line.provisioningContext()).isEqualTo(new ProvisioningContext("1c461a25", "shared", "1Year"));
      });
    });
    assertThat(result.orderErrors()).singleElement().satisfies(error -> {
      assertThat(error.orderGroupId()).isEqualTo("1");
      assertThat(error.code()).isEqualTo("800017");
      assertThat(ErrorCode.agentCanAct(error.code())).isTrue();
    });
  }

  @Test
  void registrationAndItsStatusAreTheDocumentedCalls() {
    Subscription plan = live.getSubscriptions(contoso.id()).stream().filter(Subscription::isAzurePlan).findFirst().orElseThrow();
    String subscription = live.getAzureEntitlements(contoso.id(), plan.id()).get(0).subscriptionId();
    live.registerForReservations(contoso.id(), subscription);
    live.getRegistrationStatus(contoso.id(), subscription);
    fake.wireMock().verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/customers/" + contoso.id() + "/subscriptions/"
        + subscription + "/registrations")).withRequestBody(absent()));
    fake.wireMock().verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/customers/" + contoso.id() + "/subscriptions/"
        + subscription + "/registrationstatus")));
    fake.wireMock().verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/customers/" + contoso.id() + "/subscriptions/"
        + plan.id() + "/azureEntitlements")));
    live.getIndirectResellers();
    fake.wireMock().verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/relationships"))
        .withQueryParam("relationship_type", equalTo("IsIndirectCloudSolutionProviderOf"))
        .withHeader("MS-ContinuationToken", absent())
        .withRequestBody(absent()));
  }

  @Test
  void wrongCredentialsGiveNoTokenAndAClearMessage_andNoSecretOrTokenIsEverLogged(CapturedOutput output) {
    LivePartnerCenter wrong = LiveAdapters.connect(LiveAdapters.properties(fake, "not-the-secret", Duration.ofSeconds(5)));
    assertThatThrownBy(() -> wrong.getCustomer(contoso.id())).isInstanceOfSatisfying(PartnerCenterUnavailableException.class,
        e -> assertThat(e.getMessage()).contains("invalid_client").contains("RESERVATION_DESK_PC_CLIENT_SECRET"));
    live.searchCustomers(CustomerSearchField.COMPANY_NAME, "Contoso", 5);
    tailspinCart();
    assertThat(output.getAll()).contains("Partner Center POST /customers/{customerId}/carts -> 201")
        .doesNotContain(FakePartnerCenterServer.CLIENT_SECRET).doesNotContain("not-the-secret")
        .doesNotContain("fake-access-token-").doesNotContain("Contoso").doesNotContain("catalogItemId");
  }

  @Test
  void liveModeRefusesToStartWithoutItsSettings_namingThem() {
    // As the app binds and validates the settings at start: the live configuration with a tenant id empty and no secret.
    new ApplicationContextRunner().withUserConfiguration(LivePartnerCenterConfiguration.class)
        .withPropertyValues("reservation-desk.partner.mode=live", "reservation-desk.partner.live.base-url=" + fake.baseUrl(),
            "reservation-desk.partner.live.tenant-id=", "reservation-desk.partner.live.client-id=" + FakePartnerCenterServer.CLIENT_ID)
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("RESERVATION_DESK_PC_TENANT_ID").hasMessageContaining("RESERVATION_DESK_PC_CLIENT_SECRET")
            .message().doesNotContain("RESERVATION_DESK_PC_CLIENT_ID "));
    var incomplete = new LivePartnerCenterProperties(java.net.URI.create(fake.baseUrl()), "", FakePartnerCenterServer.CLIENT_ID, null, null,
        "scope", "en-US", "AzurePlan", Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofSeconds(30), 100);
    assertThat(incomplete.toString()).doesNotContain("null").contains("clientSecret=(none)");
  }

  private Cart tailspinCart() {
    ReservationSku sku = fake.backend().catalog().skus().stream().filter(s -> s.vmSize() != null
        && s.vmSize().armSkuName().equals("Standard_B2s") && s.armRegionName().equals("eastus") && s.termDuration().equals("P1Y"))
        .findFirst().orElseThrow();
    Availability availability = live.getAvailability("US", sku.productId(), sku.skuId());
    return live.createCart(tailspin.id(), new CartRequest(List.of(new CartLineItem(0, availability.catalogItemId(), 1, "one_time", "P1Y",
        new ProvisioningContext(azureSubscription(tailspin), "shared", "1Year"), "4847383")), true));
  }

  private String azureSubscription(Customer customer) {
    Subscription plan = fake.backend().partnerCenter().getSubscriptions(customer.id()).stream().filter(Subscription::isAzurePlan)
        .findFirst().orElseThrow();
    return fake.backend().partnerCenter().getAzureEntitlements(customer.id(), plan.id()).get(0).subscriptionId();
  }
}
