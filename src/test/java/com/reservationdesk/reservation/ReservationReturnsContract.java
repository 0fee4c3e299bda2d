package com.reservationdesk.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.AzureEntitlement;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Cart;
import com.reservationdesk.partnercenter.CartLineItem;
import com.reservationdesk.partnercenter.CartRequest;
import com.reservationdesk.partnercenter.CheckoutResult;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.ProvisioningContext;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.reservation.ReservationRefusedException.Refusal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What returns and exchanges promise, run against both adapters: the embedded one on its own tables, and the live one over
 * HTTP against {@link FakeReservationServer}, which answers Azure's calculateRefund, return, calculateExchange, exchange and
 * their operations from the same embedded data. Each test buys the reservations it returns at the embedded Partner Center
 * behind either (the fake's backend for the live one), so the tests do not depend on each other; what a reservation now
 * holds is read from that backend. The clock stands still until a test moves it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReservationReturnsContract {

  protected static final Instant NOW = Instant.parse("2026-11-30T10:15:00Z");
  protected static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  /** The clock of the adapter and its backend: the same instant until a test moves it (and moves it back). */
  protected final MovableClock clock = new MovableClock(NOW);

  /** The adapter under test. */
  protected abstract ReservationReturns returns();

  /** The embedded data behind it. */
  protected abstract StandaloneEmbeddedReservations backend();

  @Test
  void aQuoteThenAReturn_lowersTheQuantity_andItsOperationPollsToSucceeded() {
    String contoso = customer("Contoso Ltd");
    OwnedReservation bought = buy(contoso, "Standard_D4s_v5", "westeurope", "P1Y", 5, BillingPlan.UPFRONT);
    ReturnLine line = new ReturnLine(bought.reservationOrderId(), bought.reservationId(), 2);

    RefundQuote quote = returns().quoteReturn(contoso, line);
    assertThat(quote.sessionId()).isNotBlank();
    assertThat(quote.line()).isEqualTo(line);
    assertThat(quote.policyErrors()).isEmpty();
    BigDecimal price = sku("Standard_D4s_v5", "westeurope", "P1Y").listPrice().multiply(BigDecimal.valueOf(2));
    assertThat(quote.pricingRefundAmount().currency()).isEqualTo("USD");
    assertThat(quote.pricingRefundAmount().amount()).as("bought today: nearly all of its price back")
        .isCloseTo(price, Offset.offset(price.movePointLeft(2)));
    assertThat(quote.billingRefundAmount()).as("Contoso is billed in USD").isEqualTo(quote.pricingRefundAmount());
    assertThat(quote.maxRefundLimit()).isEqualTo(new Money(new BigDecimal("50000"), "USD"));
    assertThat(quote.consumedRefundsTotal().currency()).isEqualTo("USD");
    assertThat(held(contoso, bought).quantity()).as("a quote changes nothing").isEqualTo(5);

    ReturnOperation started = returns().startReturn(contoso, line, quote.sessionId(), "Bought too many", UUID.randomUUID().toString());
    ReturnOperation done = pollToTheEnd(contoso, started);
    assertThat(done.status()).isEqualTo(ReturnOperation.Status.SUCCEEDED);
    assertThat(done.newReservationOrderIds()).isEmpty();
    OwnedReservation after = held(contoso, bought);
    assertThat(after.quantity()).isEqualTo(3);
    assertThat(after.provisioningState()).isEqualTo(OwnedReservation.SUCCEEDED);

    RefundQuote again = returns().quoteReturn(contoso, new ReturnLine(bought.reservationOrderId(), bought.reservationId(), 3));
    assertThat(again.consumedRefundsTotal().amount()).as("Azure counts the refund in its window")
        .isGreaterThanOrEqualTo(quote.pricingRefundAmount().amount());
  }

  @Test
  void aReturnOfAllOfIt_cancelsTheReservation() {
    String contoso = customer("Contoso Ltd");
    OwnedReservation bought = buy(contoso, "Standard_D2s_v5", "westeurope", "P1Y", 2, BillingPlan.MONTHLY);
    ReturnLine all = new ReturnLine(bought.reservationOrderId(), bought.reservationId(), 2);
    RefundQuote quote = returns().quoteReturn(contoso, all);
    pollToTheEnd(contoso, returns().startReturn(contoso, all, quote.sessionId(), "No longer needed", UUID.randomUUID().toString()));
    assertThat(held(contoso, bought).provisioningState()).isEqualTo("Cancelled");
    assertRefused(() -> returns().quoteReturn(contoso, new ReturnLine(bought.reservationOrderId(), bought.reservationId(), 1)),
        Refusal.RESERVATION_NOT_RETURNABLE);
  }

  @Test
  void theSameRequestIdTwice_returnsOnce() {
    String contoso = customer("Contoso Ltd");
    OwnedReservation bought = buy(contoso, "Standard_D4s_v5", "westeurope", "P3Y", 4, BillingPlan.UPFRONT);
    ReturnLine one = new ReturnLine(bought.reservationOrderId(), bought.reservationId(), 1);
    String requestId = UUID.randomUUID().toString();
    RefundQuote quote = returns().quoteReturn(contoso, one);

    ReturnOperation first = returns().startReturn(contoso, one, quote.sessionId(), "Too many", requestId);
    ReturnOperation retried = returns().startReturn(contoso, one, quote.sessionId(), "Too many", requestId);
    assertThat(retried.operationId()).as("the same operation").isEqualTo(first.operationId());
    pollToTheEnd(contoso, first);
    assertThat(held(contoso, bought).quantity()).as("returned once").isEqualTo(3);

    assertRefused(() -> returns().startReturn(contoso, one, quote.sessionId(), "Too many", UUID.randomUUID().toString()),
        Refusal.QUOTE_SESSION_INVALID);
    assertThat(held(contoso, bought).quantity()).as("a used quote returns nothing").isEqualTo(3);
  }

  @Test
  void aQuantityAboveWhatItHoldsOrBelowOne_isRefused() {
    String contoso = customer("Contoso Ltd");
    OwnedReservation bought = buy(contoso, "Standard_D2s_v5", "westeurope", "P3Y", 3, BillingPlan.UPFRONT);
    for (long quantity : new long[] {4, 0, -1}) {
      assertRefused(() -> returns().quoteReturn(contoso, new ReturnLine(bought.reservationOrderId(), bought.reservationId(), quantity)),
          Refusal.QUANTITY_NOT_OWNED);
    }
  }

  @Test
  void anExpiredReservation_orAnExpiredQuote_isRefused() {
    String lucerne = customer("Lucerne Bank");
    OwnedReservation expired = backend().inventory().reservationsOf(lucerne).get(0);
    assertRefused(() -> returns().quoteReturn(lucerne, new ReturnLine(expired.reservationOrderId(), expired.reservationId(), 1)),
        Refusal.RESERVATION_NOT_RETURNABLE);

    String contoso = customer("Contoso Ltd");
    OwnedReservation bought = buy(contoso, "Standard_D2s_v5", "westeurope", "P1Y", 2, BillingPlan.UPFRONT);
    ReturnLine one = new ReturnLine(bought.reservationOrderId(), bought.reservationId(), 1);
    RefundQuote quote = returns().quoteReturn(contoso, one);
    clock.advance(Duration.ofMinutes(11));
    try {
      assertRefused(() -> returns().startReturn(contoso, one, quote.sessionId(), "Too late", UUID.randomUUID().toString()),
          Refusal.QUOTE_SESSION_INVALID);
    } finally {
      clock.set(NOW);
    }
    assertRefused(() -> returns().startReturn(contoso, one, UUID.randomUUID().toString(), "Made up", UUID.randomUUID().toString()),
        Refusal.QUOTE_SESSION_INVALID);
    assertThat(held(contoso, bought).quantity()).isEqualTo(2);
  }

  @Test
  void aReservationOfAnotherCustomer_isNotFound() {
    OwnedReservation woodgroves = backend().inventory().reservationsOf(customer("Woodgrove Consulting")).get(0);
    assertRefused(() -> returns().quoteReturn(customer("Proseware Health"),
        new ReturnLine(woodgroves.reservationOrderId(), woodgroves.reservationId(), 1)), Refusal.RESERVATION_NOT_FOUND);
  }

  @Test
  void anExchange_returnsTheOldAndCreatesTheNewReservations() {
    String contoso = customer("Contoso Ltd");
    String production = azureSubscription(contoso, "Contoso Production");
    OwnedReservation old = buy(contoso, "Standard_D2s_v5", "westeurope", "P1Y", 2, BillingPlan.UPFRONT);
    ReturnLine all = new ReturnLine(old.reservationOrderId(), old.reservationId(), 2);
    NewReservation bigger = new NewReservation("Standard_E4s_v5", "westeurope", Term.THREE_YEARS, BillingPlan.UPFRONT, 1,
        AppliedScopeType.SINGLE, production, "Exchanged for E4s");

    ExchangeQuote quote = returns().quoteExchange(contoso, List.of(all), List.of(bigger));
    assertThat(quote.sessionId()).isNotBlank();
    assertThat(quote.policyErrors()).isEmpty();
    assertThat(quote.returns()).containsExactly(all);
    assertThat(quote.purchases()).containsExactly(bigger);
    assertThat(quote.refundsTotal().amount()).isPositive();
    assertThat(quote.purchasesTotal()).isEqualTo(new Money(sku("Standard_E4s_v5", "westeurope", "P3Y").listPrice(), "USD"));
    assertThat(quote.netPayable().amount()).isEqualByComparingTo(quote.purchasesTotal().amount().subtract(quote.refundsTotal().amount()));
    assertThat(held(contoso, old).quantity()).as("a quote changes nothing").isEqualTo(2);

    ReturnOperation done = pollToTheEnd(contoso, returns().startExchange(contoso, quote.sessionId(), UUID.randomUUID().toString()));
    assertThat(done.status()).isEqualTo(ReturnOperation.Status.SUCCEEDED);
    assertThat(done.newReservationOrderIds()).hasSize(1);
    assertThat(held(contoso, old).provisioningState()).isEqualTo("Cancelled");
    OwnedReservation created = backend().inventory().reservationsOf(contoso).stream()
        .filter(r -> r.reservationOrderId().equals(done.newReservationOrderIds().get(0))).findFirst().orElseThrow();
    assertThat(created.armSkuName()).isEqualTo("Standard_E4s_v5");
    assertThat(created.quantity()).isEqualTo(1);
    assertThat(created.term()).isEqualTo(Term.THREE_YEARS);
    assertThat(created.appliedScopeType()).isEqualTo(AppliedScopeType.SINGLE);
    assertThat(created.appliedScopes()).containsExactly(production);
    assertThat(created.purchaseDate()).isEqualTo(TODAY);
    assertThat(created.displayName()).isEqualTo("Exchanged for E4s");
    assertThat(created.provisioningState()).isEqualTo(OwnedReservation.SUCCEEDED);
    assertThat(created.partnerCenterOrderId()).hasSize(33);

    assertRefused(() -> returns().startExchange(contoso, quote.sessionId(), UUID.randomUUID().toString()), Refusal.QUOTE_SESSION_INVALID);
  }

  @Test
  void anExchangeForLessThanTheRefund_isRefused() {
    String contoso = customer("Contoso Ltd");
    String production = azureSubscription(contoso, "Contoso Production");
    OwnedReservation old = buy(contoso, "Standard_E4s_v5", "westeurope", "P3Y", 3, BillingPlan.UPFRONT);
    NewReservation smaller = new NewReservation("Standard_D2s_v5", "westeurope", Term.ONE_YEAR, BillingPlan.UPFRONT, 1,
        AppliedScopeType.SHARED, production, null);
    assertRefused(() -> returns().quoteExchange(contoso, List.of(new ReturnLine(old.reservationOrderId(), old.reservationId(), 3)),
        List.of(smaller)), Refusal.EXCHANGE_BELOW_RETURNED_VALUE);
    assertThat(held(contoso, old).quantity()).isEqualTo(3);
  }

  @Test
  void anExchangeIntoWhatIsNotSoldOrForAnotherCustomersSubscription_isRefused() {
    String contoso = customer("Contoso Ltd");
    OwnedReservation old = buy(contoso, "Standard_D2s_v5", "westeurope", "P1Y", 1, BillingPlan.UPFRONT);
    List<ReturnLine> back = List.of(new ReturnLine(old.reservationOrderId(), old.reservationId(), 1));
    String production = azureSubscription(contoso, "Contoso Production");
    assertRefused(() -> returns().quoteExchange(contoso, back, List.of(new NewReservation("Standard_Nope_v9", "westeurope", Term.THREE_YEARS,
        BillingPlan.UPFRONT, 1, AppliedScopeType.SHARED, production, null))), Refusal.PURCHASE_NOT_AVAILABLE);
    String trey = azureSubscription(customer("Trey Energy"), "Trey Energy Production");
    assertRefused(() -> returns().quoteExchange(contoso, back, List.of(new NewReservation("Standard_E4s_v5", "westeurope",
        Term.THREE_YEARS, BillingPlan.UPFRONT, 1, AppliedScopeType.SINGLE, trey, null))), Refusal.NOT_THE_CUSTOMERS_SUBSCRIPTION);
  }

  @Test
  void anUnknownCustomer_isRefused_everywhere() {
    String stranger = UUID.randomUUID().toString();
    ReturnLine line = new ReturnLine(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1);
    NewReservation any = new NewReservation("Standard_D2s_v5", "westeurope", Term.ONE_YEAR, BillingPlan.UPFRONT, 1,
        AppliedScopeType.SHARED, UUID.randomUUID().toString(), null);
    assertRefused(() -> returns().quoteReturn(stranger, line), Refusal.UNKNOWN_CUSTOMER);
    assertRefused(() -> returns().startReturn(stranger, line, UUID.randomUUID().toString(), "x", "r1"), Refusal.UNKNOWN_CUSTOMER);
    assertRefused(() -> returns().quoteExchange(stranger, List.of(line), List.of(any)), Refusal.UNKNOWN_CUSTOMER);
    assertRefused(() -> returns().startExchange(stranger, UUID.randomUUID().toString(), "r2"), Refusal.UNKNOWN_CUSTOMER);
    assertRefused(() -> returns().operation(stranger, UUID.randomUUID().toString()), Refusal.UNKNOWN_CUSTOMER);
    assertRefused(() -> returns().quoteReturn("contoso", line), Refusal.UNKNOWN_CUSTOMER);
  }

  @Test
  void anOperationTheCustomerDoesNotHave_isRefused() {
    String contoso = customer("Contoso Ltd");
    assertRefused(() -> returns().operation(contoso, UUID.randomUUID().toString()), Refusal.OPERATION_NOT_FOUND);
    OwnedReservation bought = buy(contoso, "Standard_D2s_v5", "westeurope", "P1Y", 1, BillingPlan.UPFRONT);
    ReturnLine one = new ReturnLine(bought.reservationOrderId(), bought.reservationId(), 1);
    ReturnOperation started = returns().startReturn(contoso, one, returns().quoteReturn(contoso, one).sessionId(), "x",
        UUID.randomUUID().toString());
    assertRefused(() -> returns().operation(customer("Trey Energy"), started.operationId()), Refusal.OPERATION_NOT_FOUND);
  }

  @Test
  void proseware_underUsedReservation_isWorthAboutASixthOfItsPriceBack() {
    String proseware = customer("Proseware Health");
    OwnedReservation e8s = backend().inventory().reservationsOf(proseware).get(0);
    RefundQuote quote = returns().quoteReturn(proseware, new ReturnLine(e8s.reservationOrderId(), e8s.reservationId(), 6));
    BigDecimal price = sku("Standard_E8s_v5", "eastus", "P1Y").listPrice().multiply(BigDecimal.valueOf(6));
    // 300 of its 365 days used: 65 days of 6 instances' price back (README, "Returns and exchanges at Azure").
    BigDecimal expected = price.multiply(BigDecimal.valueOf(65)).divide(BigDecimal.valueOf(365), 2, java.math.RoundingMode.HALF_UP);
    assertThat(quote.billingRefundAmount().amount()).isCloseTo(expected, Offset.offset(new BigDecimal("0.02")));
  }

  // --- helpers ---

  protected ReturnOperation pollToTheEnd(String customerId, ReturnOperation started) {
    assertThat(started.status()).as("Azure accepts, then works").isEqualTo(ReturnOperation.Status.RUNNING);
    ReturnOperation operation = started;
    int polls = 0;
    while (!operation.isDone()) {
      assertThat(++polls).as("polls end").isLessThan(10);
      operation = returns().operation(customerId, started.operationId());
    }
    assertThat(polls).as("running at the first look, done at a later one").isGreaterThan(1);
    return operation;
  }

  /** What the reservation now holds, as the backend says (expired, cancelled and all). */
  protected OwnedReservation held(String customerId, OwnedReservation reservation) {
    return backend().inventory().reservationsOf(customerId).stream().filter(r -> r.reservationId().equals(reservation.reservationId()))
        .findFirst().orElseThrow();
  }

  /** A reservation bought now at the backend's Partner Center, shared scope on the customer's first Azure plan subscription. */
  protected OwnedReservation buy(String customerId, String size, String region, String term, long quantity, BillingPlan plan) {
    PartnerCenter pc = backend().partnerCenter();
    Subscription azurePlan = pc.getSubscriptions(customerId).stream().filter(Subscription::isAzurePlan).findFirst().orElseThrow();
    String subscription = pc.getAzureEntitlements(customerId, azurePlan.id()).get(0).subscriptionId();
    ReservationSku sku = sku(size, region, term);
    String catalogItemId = pc.getAvailability("US", sku.productId(), sku.skuId()).catalogItemId();
    Cart cart = pc.createCart(customerId, new CartRequest(List.of(new CartLineItem(0, catalogItemId, quantity, plan.billingCycle(),
        term, new ProvisioningContext(subscription, "shared", ProvisioningContext.durationOf(term)), null)), false));
    CheckoutResult result = pc.checkout(customerId, cart.id(), UUID.randomUUID().toString());
    String orderId = result.orders().get(0).id();
    return backend().inventory().reservationsOf(customerId).stream().filter(r -> orderId.equals(r.partnerCenterOrderId())).findFirst()
        .orElseThrow();
  }

  protected static void assertRefused(Runnable call, Refusal refusal) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ReservationRefusedException.class, e -> {
      assertThat(e.refusal()).isEqualTo(refusal);
      assertThat(e.getMessage()).startsWith(refusal.sentence());
    });
  }

  protected String customer(String companyName) {
    return backend().embeddedPartnerCenter().customer(companyName).id();
  }

  protected String azureSubscription(String customerId, String friendlyName) {
    PartnerCenter pc = backend().partnerCenter();
    Subscription plan = pc.getSubscriptions(customerId).stream().filter(Subscription::isAzurePlan).findFirst().orElseThrow();
    return pc.getAzureEntitlements(customerId, plan.id()).stream().filter(e -> e.friendlyName().equals(friendlyName))
        .map(AzureEntitlement::subscriptionId).findFirst().orElseThrow();
  }

  protected ReservationSku sku(String size, String region, String term) {
    return backend().embeddedPartnerCenter().catalog().skus().stream()
        .filter(s -> s.type() == ReservationType.VIRTUAL_MACHINES && s.vmSize().armSkuName().equals(size) && s.armRegionName().equals(region)
            && s.termDuration().equals(term))
        .findFirst().orElseThrow();
  }

  /** A clock that stands still until moved. */
  public static final class MovableClock extends Clock {
    private volatile Instant now;

    public MovableClock(Instant now) {
      this.now = now;
    }

    public void advance(Duration duration) {
      now = now.plus(duration);
    }

    public void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
