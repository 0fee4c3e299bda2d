package com.reservationdesk.reservation.live;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.reservation.AppliedScopeType;
import com.reservationdesk.reservation.ExchangeQuote;
import com.reservationdesk.reservation.FakeReservationServer;
import com.reservationdesk.reservation.NewReservation;
import com.reservationdesk.reservation.OwnedReservation;
import com.reservationdesk.reservation.RefundQuote;
import com.reservationdesk.reservation.ReservationRefusedException;
import com.reservationdesk.reservation.ReservationRefusedException.Refusal;
import com.reservationdesk.reservation.ReservationReturnsContract;
import com.reservationdesk.reservation.ReservationsUnavailableException;
import com.reservationdesk.reservation.ReturnLine;
import com.reservationdesk.reservation.ReturnOperation;
import com.reservationdesk.reservation.live.wire.CapacityJson.PolicyError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the live returns adapter sends: paths, bodies and headers of Azure's calls, the polling, policy errors, foreign hosts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveReservationReturnsRequestTest {

  private final ReservationReturnsContract.MovableClock clock = new ReservationReturnsContract.MovableClock(
      Instant.parse("2026-11-30T10:15:00Z"));
  private final FakeReservationServer fake = new FakeReservationServer(clock);
  private final List<Duration> waits = new ArrayList<>();
  private final LiveReservationReturns live = new LiveReservationReturns(LiveReservations.connect(
      LiveReservations.properties(fake, FakeReservationServer.CLIENT_SECRET, 7, 4), clock, waits));

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
  void aReturn_isCalculateRefundThenReturn_withTheSessionAndTheRequestId_thenItsLocationIsPolled() {
    String woodgrove = customer("Woodgrove Consulting");
    OwnedReservation d4s = fake.backend().inventory().reservationsOf(woodgrove).get(0);
    ReturnLine line = new ReturnLine(d4s.reservationOrderId(), d4s.reservationId(), 1);
    String fullId = "/providers/microsoft.capacity/reservationOrders/" + d4s.reservationOrderId() + "/reservations/" + d4s.reservationId();

    RefundQuote quote = live.quoteReturn(woodgrove, line);
    String order = "/providers/Microsoft.Capacity/reservationOrders/" + d4s.reservationOrderId();
    List<LoggedRequest> calculate = fake.wireMock().findAll(postRequestedFor(urlPathEqualTo(order + "/calculateRefund"))
        .withQueryParam("api-version", equalTo("2022-11-01")).withHeader("Authorization", matching("Bearer fake-token-.*"))
        .withRequestBody(equalToJson("{\"id\":\"/providers/microsoft.capacity/reservationOrders/" + d4s.reservationOrderId() + "\","
            + "\"properties\":{\"scope\":\"Reservation\",\"reservationToReturn\":{\"reservationId\":\"" + fullId + "\",\"quantity\":1}}}")));
    assertThat(calculate).hasSize(1);
    fake.wireMock().verify(getRequestedFor(urlPathEqualTo("/v1/customers/" + woodgrove + "/entitlements")));

    String requestId = UUID.randomUUID().toString();
    ReturnOperation started = live.startReturn(woodgrove, line, quote.sessionId(), "Moved to containers", requestId);
    fake.wireMock().verify(1, postRequestedFor(urlPathEqualTo(order + "/return")).withQueryParam("api-version", equalTo("2022-11-01"))
        .withHeader("x-ms-client-request-id", equalTo(requestId))
        .withRequestBody(equalToJson("{\"properties\":{\"sessionId\":\"" + quote.sessionId() + "\",\"scope\":\"Reservation\","
            + "\"reservationToReturn\":{\"reservationId\":\"" + fullId + "\",\"quantity\":1},\"returnReason\":\"Moved to containers\"}}")));
    assertThat(started.status()).isEqualTo(ReturnOperation.Status.RUNNING);
    assertThat(started.operationId()).as("Azure's Location").startsWith(fake.armUrl() + "/providers/Microsoft.Capacity/operationResults/");

    assertThat(live.startReturn(woodgrove, line, quote.sessionId(), "Moved to containers", requestId).operationId())
        .as("a retry with the same request id: the same operation").isEqualTo(started.operationId());
    assertThat(live.operation(woodgrove, started.operationId()).status()).isEqualTo(ReturnOperation.Status.RUNNING);
    assertThat(live.operation(woodgrove, started.operationId()).status()).isEqualTo(ReturnOperation.Status.SUCCEEDED);
    fake.wireMock().verify(2, getRequestedFor(urlPathMatching("/providers/Microsoft.Capacity/operationResults/.*")));
    assertThat(fake.backend().inventory().reservationsOf(woodgrove).get(0).quantity()).isEqualTo(d4s.quantity() - 1);
  }

  @Test
  void anExchange_isCalculateExchangeFollowedToItsResult_thenExchangeWithTheSession() {
    String contoso = customer("Contoso Ltd");
    String production = fake.backend().embeddedPartnerCenter().jdbc()
        .sql("select e.subscription_id from pc_azure_entitlement e join pc_subscription p on p.id = e.plan_id "
            + "where p.customer_id = ? and e.friendly_name = 'Contoso Production'").param(contoso).query(String.class).single();
    String proseware = customer("Proseware Health");
    OwnedReservation e8s = fake.backend().inventory().reservationsOf(proseware).get(0);
    assertThatThrownBy(() -> live.quoteExchange(contoso, List.of(new ReturnLine(e8s.reservationOrderId(), e8s.reservationId(), 1)),
        List.of(new NewReservation("Standard_E4s_v5", "westeurope", Term.THREE_YEARS, BillingPlan.UPFRONT, 1, AppliedScopeType.SHARED,
            production, null)))).as("another customer's reservation: no token of Contoso's goes to Azure for it")
        .isInstanceOfSatisfying(ReservationRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.RESERVATION_NOT_FOUND));
    fake.wireMock().verify(0, postRequestedFor(urlPathEqualTo("/providers/Microsoft.Capacity/calculateExchange")));

    String trey = customer("Trey Energy");
    OwnedReservation e16s = fake.backend().inventory().reservationsOf(trey).get(0);
    String treyProduction = fake.backend().embeddedPartnerCenter().jdbc()
        .sql("select e.subscription_id from pc_azure_entitlement e join pc_subscription p on p.id = e.plan_id where p.customer_id = ?")
        .param(trey).query(String.class).single();
    ReturnLine one = new ReturnLine(e16s.reservationOrderId(), e16s.reservationId(), 1);
    NewReservation bigger = new NewReservation("Standard_E16s_v5", "westus", Term.THREE_YEARS, BillingPlan.MONTHLY, 1,
        AppliedScopeType.SINGLE, treyProduction, "Three years instead");
    ExchangeQuote quote = live.quoteExchange(trey, List.of(one), List.of(bigger));
    String fullId = "/providers/microsoft.capacity/reservationOrders/" + e16s.reservationOrderId() + "/reservations/" + e16s.reservationId();
    fake.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/providers/Microsoft.Capacity/calculateExchange"))
        .withQueryParam("api-version", equalTo("2022-11-01"))
        .withRequestBody(equalToJson("{\"properties\":{\"reservationsToPurchase\":[{\"sku\":{\"name\":\"Standard_E16s_v5\"},"
            + "\"location\":\"westus\",\"properties\":{\"reservedResourceType\":\"VirtualMachines\",\"billingScopeId\":\"/subscriptions/"
            + treyProduction + "\",\"term\":\"P3Y\",\"billingPlan\":\"Monthly\",\"quantity\":1,\"displayName\":\"Three years instead\","
            + "\"appliedScopeType\":\"Single\",\"appliedScopes\":[\"/subscriptions/" + treyProduction + "\"],\"renew\":false,"
            + "\"reservedResourceProperties\":{\"instanceFlexibility\":\"On\"}}}],"
            + "\"reservationsToExchange\":[{\"reservationId\":\"" + fullId + "\",\"quantity\":1}]}}")));
    fake.wireMock().verify(2, getRequestedFor(urlPathMatching("/providers/Microsoft.Capacity/operationResults/.*")));
    assertThat(waits).as("Retry-After of the 202, twice").containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(quote.sessionId()).isNotBlank();
    assertThat(quote.netPayable().amount()).isPositive();

    String requestId = UUID.randomUUID().toString();
    ReturnOperation started = live.startExchange(trey, quote.sessionId(), requestId);
    fake.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/providers/Microsoft.Capacity/exchange"))
        .withHeader("x-ms-client-request-id", equalTo(requestId))
        .withRequestBody(equalToJson("{\"properties\":{\"sessionId\":\"" + quote.sessionId() + "\"}}")));
    ReturnOperation operation = started;
    while (!operation.isDone()) {
      operation = live.operation(trey, started.operationId());
    }
    assertThat(operation.status()).isEqualTo(ReturnOperation.Status.SUCCEEDED);
    assertThat(operation.newReservationOrderIds()).hasSize(1);
  }

  @Test
  void refundPolicyErrors_giveAQuoteWithoutSession_andAReturnAzureRefuses() {
    String woodgrove = customer("Woodgrove Consulting");
    OwnedReservation d4s = fake.backend().inventory().reservationsOf(woodgrove).get(0);
    ReturnLine line = new ReturnLine(d4s.reservationOrderId(), d4s.reservationId(), 1);
    String sessionBefore = live.quoteReturn(woodgrove, line).sessionId();
    fake.refundPolicyErrors(new PolicyError("RefundLimitExceeded", "The refund limit of USD 50,000 for 12 months is reached."));
    RefundQuote quote = live.quoteReturn(woodgrove, line);
    assertThat(quote.sessionId()).isNull();
    assertThat(quote.policyErrors()).containsExactly("The refund limit of USD 50,000 for 12 months is reached.");
    assertThatThrownBy(() -> live.startReturn(woodgrove, line, sessionBefore, "x", UUID.randomUUID().toString()))
        .isInstanceOfSatisfying(ReservationRefusedException.class, e -> {
          assertThat(e.refusal()).isEqualTo(Refusal.REFUND_POLICY);
          assertThat(e.getMessage()).contains("refund limit");
        });
  }

  @Test
  void anOperationAddressOnAnotherHost_isNotFollowed() {
    String woodgrove = customer("Woodgrove Consulting");
    assertThatThrownBy(() -> live.operation(woodgrove, "https://elsewhere.example/providers/Microsoft.Capacity/operationResults/1"))
        .isInstanceOf(ReservationsUnavailableException.class).hasMessageContaining("another host");
    fake.wireMock().verify(0, getRequestedFor(urlPathMatching("/providers/.*")));
  }

  private String customer(String name) {
    return fake.backend().embeddedPartnerCenter().customer(name).id();
  }
}
