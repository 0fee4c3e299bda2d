package com.reservationdesk.usage.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.usage.FakeUsageServer;
import com.reservationdesk.usage.LookBack;
import com.reservationdesk.usage.UsageSourceContract;
import com.reservationdesk.usage.UsageUnavailableException;
import com.reservationdesk.usage.VmUsage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The live usage adapter's requests and its handling of Microsoft's answers, against the fake usage server: paging with
 * continuation tokens, daily hours spread over the day, what is left out, the unbilled periods, tokens per tenant, and
 * the failures that are "no recommendation" and those that are errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveUsageRequestTest {

  private static final Clock CLOCK = UsageSourceContract.CLOCK;
  private static final String LINE_ITEMS = "/v1/invoices/unbilled/lineitems";

  private final FakeUsageServer fake = new FakeUsageServer(CLOCK);
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void reset() {
    fake.resetFaults();
    waits.clear();
  }

  @AfterAll
  void stop() {
    fake.close();
  }

  @Test
  void readsThePartnersRatedUsageOnce_forEveryCustomer_followingTheContinuation() {
    LiveUsageSource live = connect(Duration.ofHours(1));
    live.vmUsage(customer("Contoso Ltd"), LookBack.LAST_60_DAYS);
    live.vmUsage(customer("Tailspin Toys"), LookBack.LAST_60_DAYS);
    live.vmUsage(customer("Woodgrove Consulting"), LookBack.LAST_7_DAYS);

    List<LoggedRequest> requests = fake.wireMock().findAll(getRequestedFor(urlPathEqualTo(LINE_ITEMS)));
    int currentPages = pages(fake.lineItems("current").size());
    int previousPages = pages(fake.lineItems("previous").size());
    assertThat(currentPages).as("the fake pages the demo's usage").isGreaterThan(1);
    assertThat(requests).as("each period once, page by page, for all three customers").hasSize(currentPages + previousPages);
    for (String period : List.of("current", "previous")) {
      List<LoggedRequest> ofPeriod = requests.stream().filter(r -> period.equals(r.queryParameter("period").firstValue())).toList();
      assertThat(ofPeriod).hasSize(period.equals("current") ? currentPages : previousPages);
      LoggedRequest first = ofPeriod.get(0);
      assertThat(first.queryParameter("provider").firstValue()).isEqualTo("onetime");
      assertThat(first.queryParameter("invoicelineitemtype").firstValue()).isEqualTo("usagelineitems");
      assertThat(first.queryParameter("currencycode").firstValue()).isEqualTo("usd");
      assertThat(first.queryParameter("size").firstValue()).isEqualTo("2000");
      assertThat(first.containsHeader("MS-ContinuationToken")).isFalse();
      assertThat(first.queryParameter("seekOperation").isPresent()).isFalse();
      for (LoggedRequest next : ofPeriod.subList(1, ofPeriod.size())) {
        assertThat(next.queryParameter("seekOperation").firstValue()).isEqualTo("Next");
        assertThat(next.getHeader("MS-ContinuationToken")).isNotBlank();
      }
      assertThat(ofPeriod).allSatisfy(r -> {
        assertThat(r.getHeader("Authorization")).startsWith("Bearer fake-token-");
        assertThat(r.getHeader("MS-RequestId")).isNotBlank();
        assertThat(r.getHeader("MS-CorrelationId")).isNotBlank();
      });
    }
  }

  @Test
  void spreadsEachDaysHoursEvenlyOverTheDay_countingPacksOfTenHours_andLeavingOutSpotAndOtherMeters() {
    String contoso = customer("Contoso Ltd");
    List<VmUsage> usage = connect(Duration.ZERO).vmUsage(contoso, LookBack.LAST_30_DAYS);
    assertThat(usage).extracting(VmUsage::armSkuName).containsExactly("Standard_D2s_v5", "Standard_D4s_v5", "Standard_NC6s_v3");
    for (VmUsage series : usage) {
      assertThat(series.granularity()).isEqualTo(VmUsage.Granularity.DAILY);
      assertThat(series.from()).isEqualTo(Instant.parse("2026-10-31T00:00:00Z"));
      for (int day = 0; day < series.hourly().length / 24; day++) {
        LocalDate date = LocalDate.of(2026, 10, 31).plusDays(day);
        double hours = servedPaygHours(contoso, series.armSkuName(), date);
        for (int h = 0; h < 24; h++) {
          assertThat(series.hourly()[day * 24 + h]).as("%s on %s, hour %d", series.armSkuName(), date, h).isCloseTo(hours / 24,
              within(1e-9));
        }
      }
    }
    assertThat(fake.lineItems("current")).as("the fake serves the D4s_v5 in packs of ten hours")
        .anyMatch(item -> "D4s v5".equals(item.get("meterName")) && "10 Hours".equals(item.get("unitOfMeasure")));
    assertThat(fake.lineItems("current")).as("and Spot usage of the D2s_v5, which no reservation covers")
        .anyMatch(item -> "D2s v5 Spot".equals(item.get("meterName")) && contoso.equals(item.get("customerId")));
  }

  @Test
  void coveredUsage_isCountedApartFromPayAsYouGo() {
    String woodgrove = customer("Woodgrove Consulting");
    VmUsage series = connect(Duration.ZERO).vmUsage(woodgrove, LookBack.LAST_7_DAYS).get(0);
    double covered = 0;
    double payg = 0;
    for (Map<String, Object> item : fake.lineItems("current")) {
      LocalDate day = LocalDate.parse(((String) item.get("usageDate")).substring(0, 10));
      if (woodgrove.equals(item.get("customerId")) && "Virtual Machines".equals(item.get("meterCategory"))
          && !"D2s v5 Spot".equals(item.get("meterName")) && !day.isBefore(LocalDate.of(2026, 11, 23))) {
        double hours = ((Number) item.get("quantity")).doubleValue();
        if ("Reservation".equals(item.get("benefitType"))) {
          covered += hours;
        } else {
          payg += hours;
        }
      }
    }
    assertThat(covered).isPositive();
    assertThat(series.coveredHours()).isCloseTo(covered, within(1e-6));
    assertThat(series.total()).isCloseTo(payg, within(1e-6));
  }

  @Test
  void earlyInAMonth_thePreviousPeriodCarriesTheLookBack_asFarAsItReaches() {
    Clock december = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);
    try (FakeUsageServer early = new FakeUsageServer(december)) {
      LiveUsageSource live = LiveUsage.connect(LiveUsage.properties(early, FakeUsageServer.CLIENT_SECRET, Duration.ZERO), december);
      String contoso = customer(early, "Contoso Ltd");
      VmUsage week = live.vmUsage(contoso, LookBack.LAST_7_DAYS).get(0);
      assertThat(week.from()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
      assertThat(week.to()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
      VmUsage sixtyDays = live.vmUsage(contoso, LookBack.LAST_60_DAYS).get(0);
      assertThat(sixtyDays.from()).as("October is invoiced: not unbilled any more").isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
      assertThat(sixtyDays.hourly()).hasSize(32 * 24);
      assertThat(sixtyDays.total()).as("4 × D2s_v5 every day that is there").isCloseTo(4.0 * 32 * 24, within(0.03 * 4 * 32 * 24));

      early.invoicePreviousPeriod();
      VmUsage afterInvoice = live.vmUsage(contoso, LookBack.LAST_7_DAYS).get(0);
      assertThat(afterInvoice.from()).as("once November is invoiced, only December is unbilled")
          .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
      assertThat(afterInvoice.hourly()).hasSize(2 * 24);
    }
  }

  @Test
  void aShortLookBackInsideTheMonth_doesNotReadThePreviousPeriod() {
    connect(Duration.ZERO).vmUsage(customer("Contoso Ltd"), LookBack.LAST_7_DAYS);
    assertThat(fake.wireMock().findAll(getRequestedFor(urlPathEqualTo(LINE_ITEMS))))
        .allSatisfy(r -> assertThat(r.queryParameter("period").firstValue()).isEqualTo("current"));
  }

  @Test
  void recommendations_areAskedForSingleScopeVms_overTheLookBack_withATokenOfTheCustomersTenant() {
    String contoso = customer("Contoso Ltd");
    var recommendations = connect(Duration.ZERO).azureRecommendations(contoso, LookBack.LAST_7_DAYS);
    assertThat(recommendations).hasSizeGreaterThan(2);
    List<LoggedRequest> arm = fake.wireMock().findAll(getRequestedFor(urlPathMatching(
        "/subscriptions/.*/providers/Microsoft.Consumption/reservationRecommendations")));
    assertThat(arm).as("two pages: nextLink followed").hasSize(2);
    assertThat(arm.get(0).queryParameter("api-version").firstValue()).isEqualTo("2024-08-01");
    assertThat(arm.get(0).queryParameter("$filter").firstValue())
        .isEqualTo("properties/scope eq 'Single' and properties/lookBackPeriod eq 'Last7Days' and properties/resourceType eq 'VirtualMachines'");
    List<LoggedRequest> tokens = fake.wireMock().findAll(postRequestedFor(urlPathEqualTo("/" + contoso + "/oauth2/v2.0/token")));
    assertThat(tokens).singleElement().satisfies(t -> assertThat(t.getBodyAsString())
        .contains("scope=https%3A%2F%2Fmanagement.azure.com%2F.default").contains("grant_type=client_credentials"));
  }

  @Test
  void noAccessToTheCustomersTenant_isNoRecommendation_notAnError() {
    LiveUsageSource live = connect(Duration.ZERO);
    assertThat(live.azureRecommendations(customer("Adventure Works Cycles"), LookBack.LAST_30_DAYS)).as("403").isEmpty();
    assertThat(fake.wireMock().findAll(getRequestedFor(urlPathMatching("/subscriptions/.*")))).isNotEmpty();

    fake.wireMock().stubFor(get(urlPathMatching("/subscriptions/.*")).atPriority(1).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"The access token is invalid.\"}}")));
    assertThat(live.azureRecommendations(customer("Tailspin Toys"), LookBack.LAST_30_DAYS)).as("401").isEmpty();

    fake.resetFaults();
    String contoso = customer("Contoso Ltd");
    fake.refuseTokensIn(contoso);
    assertThat(connect(Duration.ZERO).azureRecommendations(contoso, LookBack.LAST_30_DAYS)).as("no token: app not consented").isEmpty();
  }

  @Test
  void otherFailures_sayWhatFailed() {
    LiveUsageSource live = connect(Duration.ZERO);
    fake.wireMock().stubFor(get(urlPathMatching("/subscriptions/.*")).atPriority(1).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"code\":\"InternalServerError\",\"message\":\"Something went wrong.\"}}")));
    assertThatThrownBy(() -> live.azureRecommendations(customer("Contoso Ltd"), LookBack.LAST_30_DAYS))
        .isInstanceOf(UsageUnavailableException.class)
        .hasMessageContaining("Azure Resource Manager answered 500 (InternalServerError)")
        .hasMessageContaining("reservationRecommendations");

    fake.wireMock().stubFor(get(urlPathEqualTo(LINE_ITEMS)).atPriority(1).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"code\":\"500100\",\"description\":\"Service unavailable\",\"data\":[],\"source\":\"PartnerFD\"}")));
    assertThatThrownBy(() -> live.vmUsage(customer("Contoso Ltd"), LookBack.LAST_30_DAYS))
        .isInstanceOf(UsageUnavailableException.class)
        .hasMessageContaining("Partner Center answered 503 (error 500100) to GET /invoices/unbilled/lineitems")
        .hasMessageContaining("Service unavailable");
  }

  @Test
  void anExpiredToken_isRenewedOnce_andAThrottledCall_waitsForItsRetryAfter() {
    LiveUsageSource live = connect(Duration.ZERO);
    String contoso = customer("Contoso Ltd");
    live.vmUsage(contoso, LookBack.LAST_7_DAYS);
    int issued = fake.tokensIssued();
    fake.revokeTokens();
    assertThat(live.vmUsage(contoso, LookBack.LAST_7_DAYS)).isNotEmpty();
    assertThat(fake.tokensIssued()).isEqualTo(issued + 1);

    fake.wireMock().stubFor(get(urlPathEqualTo(LINE_ITEMS)).atPriority(1).inScenario("throttled")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("waited")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
    assertThat(live.vmUsage(contoso, LookBack.LAST_7_DAYS)).isNotEmpty();
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void nextPagesStayOnTheApisHost() {
    LiveUsageProperties properties = LiveUsage.properties(fake, FakeUsageServer.CLIENT_SECRET, Duration.ZERO);
    RatedUsageReader reader = new RatedUsageReader(null, properties, null);
    URI base = properties.partnerCenterUrl();
    assertThat(reader.resolve("/invoices/unbilled/lineitems?period=current&seekOperation=Next"))
        .isEqualTo(URI.create(base + "/invoices/unbilled/lineitems?period=current&seekOperation=Next"));
    assertThat(reader.resolve(base + "/invoices/unbilled/lineitems?seekOperation=Next").getPath())
        .isEqualTo("/v1/invoices/unbilled/lineitems");
    assertThatThrownBy(() -> reader.resolve("https://elsewhere.example/v1/invoices/unbilled/lineitems"))
        .isInstanceOf(UsageUnavailableException.class).hasMessageContaining("another host");
  }

  @Test
  void legacyRecommendations_areReadToo() throws Exception {
    // The legacy form, as in the API's example ReservationRecommendationsFilterBySubscriptionForScopeLookBackPeriod.json.
    var legacy = UsageHttp.JSON.readTree("""
        {"id": "subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Consumption/reservationRecommendations/r2",
         "name": "r2", "type": "Microsoft.Consumption/reservationRecommendations", "sku": "Standard_DS1_v2",
         "location": "northeurope", "kind": "legacy",
         "properties": {"lookBackPeriod": "Last7Days", "meterId": "00000000-0000-0000-0000-000000000000", "term": "P3Y",
           "costWithNoReservedInstances": 0.0, "recommendedQuantity": 1, "totalCostWithReservedInstances": 0.0,
           "netSavings": 7.2893157231780812, "firstUsageDate": "2018-03-06T00:00:00Z", "scope": "Single",
           "skuProperties": [{"name": "Cores", "value": "1"}], "subscriptionId": "00000000-0000-0000-0000-000000000000",
           "totalHours": 427, "lastUsageDate": "2018-03-08T00:00:00Z"}}""");
    var recommendation = AzureRecommendationsReader.parse(legacy, "ignored", LookBack.LAST_7_DAYS);
    assertThat(recommendation.armSkuName()).isEqualTo("Standard_DS1_v2");
    assertThat(recommendation.armRegionName()).isEqualTo("northeurope");
    assertThat(recommendation.subscriptionId()).isEqualTo("00000000-0000-0000-0000-000000000000");
    assertThat(recommendation.term()).isEqualTo("P3Y");
    assertThat(recommendation.recommendedQuantity()).isEqualByComparingTo("1");
    assertThat(recommendation.netSavings()).isEqualByComparingTo("7.2893157231780812");
    assertThat(recommendation.currency()).as("legacy amounts carry no currency").isNull();
    assertThat(recommendation.normalizedSize()).isNull();
    assertThat(recommendation.firstUsageDate()).isEqualTo(Instant.parse("2018-03-06T00:00:00Z"));

    var sql = UsageHttp.JSON.readTree("{\"kind\": \"modern\", \"properties\": {\"resourceType\": \"sqldatabases\", "
        + "\"skuName\": \"SQLDB_BC_Compute_Gen5\", \"location\": \"westus2\"}}");
    assertThat(AzureRecommendationsReader.parse(sql, "s", LookBack.LAST_60_DAYS)).as("not a VM").isNull();
  }

  @Test
  void theSecretIsNeverPrinted() {
    assertThat(LiveUsage.properties(fake, FakeUsageServer.CLIENT_SECRET, Duration.ZERO).toString())
        .doesNotContain(FakeUsageServer.CLIENT_SECRET).contains("clientSecret=(set)");
  }

  // --- helpers ---

  private LiveUsageSource connect(Duration cacheFor) {
    return LiveUsageConfiguration.create(LiveUsage.properties(fake, FakeUsageServer.CLIENT_SECRET, cacheFor), CLOCK, waits::add);
  }

  private String customer(String companyName) {
    return customer(fake, companyName);
  }

  private static String customer(FakeUsageServer server, String companyName) {
    return server.backend().partnerCenter().searchCustomers(CustomerSearchField.COMPANY_NAME, companyName, 5).stream()
        .filter(c -> c.companyName().equals(companyName)).map(Customer::id).findFirst().orElseThrow();
  }

  private static int pages(int items) {
    return (items + FakeUsageServer.MAX_PAGE - 1) / FakeUsageServer.MAX_PAGE;
  }

  /** The pay-as-you-go VM hours the fake served for a customer's size on a day, in hours whatever the unit. */
  private double servedPaygHours(String customerId, String armSize, LocalDate day) {
    String meterName = armSize.replaceFirst("^Standard_", "").replace('_', ' ');
    double hours = 0;
    for (String period : List.of("current", "previous")) {
      for (Map<String, Object> item : fake.lineItems(period)) {
        if (customerId.equals(item.get("customerId")) && meterName.equals(item.get("meterName"))
            && ((String) item.get("usageDate")).startsWith(day.toString()) && "".equals(item.get("benefitType"))) {
          hours += ((Number) item.get("quantity")).doubleValue() * ("10 Hours".equals(item.get("unitOfMeasure")) ? 10 : 1);
        }
      }
    }
    return hours;
  }
}
