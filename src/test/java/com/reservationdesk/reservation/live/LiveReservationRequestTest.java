package com.reservationdesk.reservation.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.reservationdesk.reservation.FakeReservationServer;
import com.reservationdesk.reservation.FakeReservationServer.ScopeChanges;
import com.reservationdesk.reservation.NoTenantAccessException;
import com.reservationdesk.reservation.OwnedReservation;
import com.reservationdesk.reservation.ReservationInventoryContract;
import com.reservationdesk.reservation.ReservationPage;
import com.reservationdesk.reservation.ReservationUtilization;
import com.reservationdesk.reservation.ReservationsUnavailableException;
import com.reservationdesk.reservation.ScopeChange;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the live adapter sends and how it copes: the exact requests, paging, accepted scope changes, refused tenants. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveReservationRequestTest {

  private static final Clock CLOCK = ReservationInventoryContract.CLOCK;
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  private final FakeReservationServer fake = new FakeReservationServer(CLOCK);
  private final List<Duration> waits = new ArrayList<>();
  private final LiveReservationInventory live = LiveReservations.connect(
      LiveReservations.properties(fake, FakeReservationServer.CLIENT_SECRET, 7, 4), CLOCK, waits);

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
  void whatACustomerOwns_isPartnerCentersEntitlementsWithAppToken_thenAzuresReservationsWithTheCustomersToken() {
    String woodgrove = customer("Woodgrove Consulting");
    OwnedReservation d4s = live.reservationsOf(woodgrove).get(0);

    List<LoggedRequest> entitlements = fake.wireMock().findAll(getRequestedFor(urlPathEqualTo("/v1/customers/" + woodgrove + "/entitlements"))
        .withQueryParam("entitlementType", equalTo("reservedInstance")).withQueryParam("showExpiry", equalTo("true"))
        .withHeader("MS-RequestId", matching("[0-9a-f-]{36}")).withHeader("MS-CorrelationId", matching("[0-9a-f-]{36}"))
        .withHeader("Authorization", matching("Bearer fake-token-.*")));
    assertThat(entitlements).hasSize(1);
    List<LoggedRequest> reservations = fake.wireMock().findAll(getRequestedFor(urlPathEqualTo(
        "/providers/Microsoft.Capacity/reservationOrders/" + d4s.reservationOrderId() + "/reservations"))
        .withQueryParam("api-version", equalTo("2022-11-01")));
    assertThat(reservations).hasSize(1);
    assertThat(reservations.get(0).getHeader("Authorization")).as("another token: the customer's tenant's")
        .isNotEqualTo(entitlements.get(0).getHeader("Authorization"));
    assertThat(reservations.get(0).getHeader("MS-RequestId")).as("Partner Center's headers stay at Partner Center").isNull();
  }

  @Test
  void utilization_asksForDailySummariesOfTheRange_andFollowsTheirNextLink() {
    String woodgrove = customer("Woodgrove Consulting");
    OwnedReservation d4s = live.reservationsOf(woodgrove).get(0);
    fake.resetFaults();
    ReservationUtilization month = live.utilization(woodgrove, d4s.reservationOrderId(), d4s.reservationId(), TODAY.minusDays(30),
        TODAY.minusDays(1));
    assertThat(month.days()).hasSize(30);
    String path = "/providers/Microsoft.Capacity/reservationorders/" + d4s.reservationOrderId()
        + "/providers/Microsoft.Consumption/reservationSummaries";
    fake.wireMock().verify(1, getRequestedFor(urlPathEqualTo(path)).withQueryParam("grain", equalTo("daily"))
        .withQueryParam("$filter", equalTo("properties/UsageDate ge '2026-10-31' and properties/UsageDate le '2026-11-29'"))
        .withQueryParam("api-version", equalTo("2023-05-01")).withQueryParam("$skiptoken", absent()));
    fake.wireMock().verify(3, getRequestedFor(urlPathEqualTo(path)));
  }

  @Test
  void thePartnerWideListing_walksPartnerCentersCustomerPages_withTheirContinuationToken() {
    List<String> ids = new ArrayList<>();
    String continuation = null;
    do {
      ReservationPage page = live.allReservations(3, continuation);
      page.reservations().forEach(r -> ids.add(r.reservationId()));
      continuation = page.continuation();
    } while (continuation != null);
    assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(4);
    fake.wireMock().verify(getRequestedFor(urlPathEqualTo("/v1/customers")).withQueryParam("size", equalTo("7"))
        .withQueryParam("seekOperation", equalTo("Next")).withHeader("MS-ContinuationToken", matching("customers-after-\\d+")));
  }

  @Test
  void aContinuationThatPointsElsewhere_isRefused_beforeATokenGoesThere() {
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "live\nhttps://elsewhere.example/v1/customers?size=7\n\n0\n0".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> live.allReservations(10, forged)).isInstanceOf(ReservationsUnavailableException.class)
        .hasMessageContaining("another host");
  }

  @Test
  void aScopeChange_isAPatchOfAppliedScopeTypeAndScopes_andTheSameChangeAgainSendsNone() {
    String trey = customer("Trey Energy");
    OwnedReservation reservation = live.reservationsOf(trey).get(0);
    String production = fake.backend().embeddedPartnerCenter().jdbc()
        .sql("select e.subscription_id from pc_azure_entitlement e join pc_subscription p on p.id = e.plan_id where p.customer_id = ?")
        .param(trey).query(String.class).single();
    String path = "/providers/Microsoft.Capacity/reservationOrders/" + reservation.reservationOrderId() + "/reservations/"
        + reservation.reservationId();
    try {
      live.changeScope(trey, reservation.reservationOrderId(), reservation.reservationId(), ScopeChange.single(production));
      fake.wireMock().verify(1, patchRequestedFor(urlPathEqualTo(path)).withQueryParam("api-version", equalTo("2022-11-01"))
          .withRequestBody(equalToJson("{\"properties\":{\"appliedScopeType\":\"Single\",\"appliedScopes\":[\"/subscriptions/" + production
              + "\"]}}")));
      live.changeScope(trey, reservation.reservationOrderId(), reservation.reservationId(), ScopeChange.single(production));
      fake.wireMock().verify(1, patchRequestedFor(urlPathEqualTo(path)));
    } finally {
      live.changeScope(trey, reservation.reservationOrderId(), reservation.reservationId(), ScopeChange.shared());
    }
    fake.wireMock().verify(1, patchRequestedFor(urlPathEqualTo(path))
        .withRequestBody(equalToJson("{\"properties\":{\"appliedScopeType\":\"Shared\"}}")));
  }

  @Test
  void anAcceptedScopeChange_isFollowedThroughAzureAsyncOperation_untilItSucceeds() {
    fake.answerScopeChanges(ScopeChanges.ASYNC_OPERATION);
    OwnedReservation shared = toSingleAndBack();
    assertThat(shared.appliedScopes()).isEmpty();
    fake.wireMock().verify(2 * (FakeReservationServer.LOOKS_IN_PROGRESS + 1),
        getRequestedFor(urlPathMatching("/providers/Microsoft.Capacity/operationStatus/.*")));
    assertThat(waits).as("Retry-After of the 202").contains(Duration.ofSeconds(2));
  }

  @Test
  void anAcceptedScopeChange_isFollowedThroughLocation_untilItIsNoLonger202() {
    fake.answerScopeChanges(ScopeChanges.LOCATION);
    toSingleAndBack();
    fake.wireMock().verify(2 * (FakeReservationServer.LOOKS_IN_PROGRESS + 1),
        getRequestedFor(urlPathMatching("/providers/Microsoft.Capacity/operationResults/.*")));
    assertThat(waits).contains(Duration.ofSeconds(2), Duration.ofSeconds(1));
  }

  @Test
  void aScopeChangeThatNeverFinishes_stopsLookingAfterMaxPolls_andSaysSo() {
    fake.answerScopeChanges(ScopeChanges.NEVER_FINISHING);
    String trey = customer("Trey Energy");
    OwnedReservation reservation = live.reservationsOf(trey).get(0);
    String production = azureSubscription(trey);
    assertThatThrownBy(() -> live.changeScope(trey, reservation.reservationOrderId(), reservation.reservationId(),
        ScopeChange.single(production))).isInstanceOf(ReservationsUnavailableException.class).hasMessageContaining("after 4 looks");
    fake.wireMock().verify(4, getRequestedFor(urlPathMatching("/providers/Microsoft.Capacity/operationStatus/.*")));
    assertThat(live.reservationsOf(trey).get(0)).as("unchanged").isEqualTo(reservation);
  }

  @Test
  void aCustomerTenantThatRefusesThePartner_isNoAccess_andTheSweepGoesOnWithoutIt() {
    String woodgrove = customer("Woodgrove Consulting");
    fake.denyPartnerIn(woodgrove);
    assertThatThrownBy(() -> live.reservationsOf(woodgrove)).isInstanceOf(NoTenantAccessException.class)
        .hasMessageStartingWith("No access to the customer's Azure tenant").hasMessageContaining("403");
    List<String> customers = sweep();
    assertThat(customers).doesNotContain(woodgrove).contains(customer("Proseware Health"));

    String proseware = customer("Proseware Health");
    fake.refuseTokensIn(proseware);
    LiveReservationInventory withoutTokens = LiveReservations.connect(fake, CLOCK); // tokens are kept: a new adapter has none yet
    assertThatThrownBy(() -> withoutTokens.reservationsOf(proseware)).isInstanceOf(NoTenantAccessException.class)
        .hasMessageContaining("no token");
  }

  @Test
  void aTokenOfAnotherTenant_401_isNoAccessToo() {
    String woodgrove = customer("Woodgrove Consulting");
    OwnedReservation d4s = live.reservationsOf(woodgrove).get(0);
    String proseware = customer("Proseware Health");
    // Asked for under another customer: Partner Center does not list it there, so no token of Proseware's reaches Azure for it.
    assertThatThrownBy(() -> live.utilization(proseware, d4s.reservationOrderId(), d4s.reservationId(), TODAY.minusDays(2), TODAY))
        .hasMessageContaining("no such reservation");
    fake.wireMock().stubFor(get(urlPathMatching("/providers/.*/reservations"))
        .atPriority(1).willReturn(aResponse().withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"code\":\"InvalidAuthenticationTokenTenant\",\"message\":\"The access token is from the wrong issuer.\"}}")));
    assertThatThrownBy(() -> live.reservationsOf(woodgrove)).isInstanceOf(NoTenantAccessException.class)
        .hasMessageContaining("401").hasMessageContaining("InvalidAuthenticationTokenTenant");
  }

  @Test
  void propertiesNeverPrintTheSecret() {
    assertThat(LiveReservations.properties(fake, "s3cr3t-value", 7, 4).toString()).doesNotContain("s3cr3t-value").contains("(set)");
  }

  // --- helpers ---

  private OwnedReservation toSingleAndBack() {
    String trey = customer("Trey Energy");
    OwnedReservation reservation = live.reservationsOf(trey).get(0);
    String production = azureSubscription(trey);
    OwnedReservation single = live.changeScope(trey, reservation.reservationOrderId(), reservation.reservationId(),
        ScopeChange.single(production));
    assertThat(single.appliedScopes()).containsExactly(production);
    return live.changeScope(trey, reservation.reservationOrderId(), reservation.reservationId(), ScopeChange.shared());
  }

  private List<String> sweep() {
    List<String> customers = new ArrayList<>();
    String continuation = null;
    do {
      ReservationPage page = live.allReservations(2, continuation);
      page.reservations().forEach(r -> customers.add(r.customerId()));
      continuation = page.continuation();
    } while (continuation != null);
    return customers;
  }

  private String customer(String name) {
    return fake.backend().embeddedPartnerCenter().customer(name).id();
  }

  private String azureSubscription(String customerId) {
    return fake.backend().embeddedPartnerCenter().jdbc()
        .sql("select e.subscription_id from pc_azure_entitlement e join pc_subscription p on p.id = e.plan_id where p.customer_id = ? "
            + "order by e.friendly_name").param(customerId).query(String.class).list().get(0);
  }
}
