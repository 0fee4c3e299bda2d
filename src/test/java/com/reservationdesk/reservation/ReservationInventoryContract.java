package com.reservationdesk.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservationdesk.partnercenter.AzureEntitlement;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Cart;
import com.reservationdesk.partnercenter.CartLineItem;
import com.reservationdesk.partnercenter.CartRequest;
import com.reservationdesk.partnercenter.CheckoutResult;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.ProvisioningContext;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.reservation.ReservationRefusedException.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the reservation inventory promises, run against both adapters: the embedded one on its own tables, and the live
 * one over HTTP against {@link FakeReservationServer}, which serves Partner Center's entitlements and Azure's
 * reservations and summaries from the same embedded data. A checkout is placed at the embedded Partner Center behind
 * either (the fake's backend for the live one), so the live adapter sees what "Microsoft" ordered. Each test names the
 * demo customer whose lesson it checks (README, "Reservations owned").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReservationInventoryContract {

  /** 2026-11-30 10:15 UTC, as the usage contract. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:15:00Z"), ZoneOffset.UTC);
  protected static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  /** The adapter under test. */
  protected abstract ReservationInventory inventory();

  /** The embedded data behind it: its Partner Center places orders, its tables can be changed as Azure would change them. */
  protected abstract StandaloneEmbeddedReservations backend();

  @Test
  void whatACustomerOwns_withExpiry_scope_termAndThePartnerCenterOrderItCameFrom() {
    String woodgrove = customer("Woodgrove Consulting");
    OwnedReservation d4s = inventory().reservationsOf(woodgrove).stream().filter(r -> r.armSkuName().equals("Standard_D4s_v5"))
        .findFirst().orElseThrow();
    assertThat(d4s.customerId()).isEqualTo(woodgrove);
    assertThat(UUID.fromString(d4s.reservationOrderId())).isNotNull();
    assertThat(UUID.fromString(d4s.reservationId())).isNotNull();
    assertThat(d4s.armRegionName()).isEqualTo("eastus2");
    assertThat(d4s.quantity()).isEqualTo(6);
    assertThat(d4s.appliedScopeType()).isEqualTo(AppliedScopeType.SHARED);
    assertThat(d4s.appliedScopes()).isEmpty();
    assertThat(d4s.term()).isEqualTo(Term.THREE_YEARS);
    assertThat(d4s.billingPlan()).isEqualTo(BillingPlan.MONTHLY);
    assertThat(d4s.purchaseDate()).isEqualTo(TODAY.minusDays(200));
    assertThat(d4s.expiryDate()).isEqualTo(TODAY.minusDays(200).plusYears(3));
    assertThat(d4s.renew()).isTrue();
    assertThat(d4s.provisioningState()).isEqualTo(OwnedReservation.SUCCEEDED);
    assertThat(d4s.displayName()).isNotBlank();
    assertThat(d4s.partnerCenterOrderId()).hasSize(33);

    String proseware = customer("Proseware Health");
    OwnedReservation e8s = single(proseware, "Standard_E8s_v5");
    assertThat(e8s.appliedScopeType()).isEqualTo(AppliedScopeType.SINGLE);
    assertThat(e8s.appliedScopes()).containsExactly(azureSubscription(proseware, "Proseware Health Production"));
    assertThat(e8s.quantity()).isEqualTo(8);
    assertThat(e8s.billingPlan()).isEqualTo(BillingPlan.UPFRONT);

    OwnedReservation expiring = single(customer("Trey Energy"), "Standard_E16s_v5");
    assertThat(expiring.expiryDate()).as("expires next month").isBetween(TODAY.plusDays(20), TODAY.plusDays(31));
    assertThat(expiring.provisioningState()).isEqualTo(OwnedReservation.SUCCEEDED);
    assertThat(expiring.renew()).isFalse();

    OwnedReservation expired = single(customer("Lucerne Bank"), "Standard_D8s_v5");
    assertThat(expired.expiryDate()).isBefore(TODAY);
    assertThat(expired.provisioningState()).isEqualTo(OwnedReservation.EXPIRED);

    assertThat(inventory().reservationsOf(customer("Fabrikam Inc"))).as("a customer who owns none").isEmpty();
  }

  @Test
  void anUnknownCustomer_isRefused() {
    for (String stranger : List.of(UUID.randomUUID().toString(), "contoso")) {
      assertThatThrownBy(() -> inventory().reservationsOf(stranger)).isInstanceOfSatisfying(ReservationRefusedException.class,
          e -> assertThat(e.refusal()).isEqualTo(Refusal.UNKNOWN_CUSTOMER));
    }
  }

  @Test
  void aCheckout_createsAReservationOrder_withItsTermPurchaseDateAndScope_exactlyOnce() {
    PartnerCenter pc = backend().partnerCenter();
    Customer contoso = pc.searchCustomers(CustomerSearchField.COMPANY_NAME, "Contoso Ltd", 5).get(0);
    String subscription = azureSubscription(contoso.id(), "Contoso Production");
    ReservationSku d2s = sku("Standard_D2s_v5", "westeurope", "P1Y");
    ReservationSku e4s = sku("Standard_E4s_v5", "westeurope", "P3Y");
    Cart cart = pc.createCart(contoso.id(), new CartRequest(List.of(
        line(0, d2s, 3, BillingPlan.UPFRONT, subscription, "single"),
        line(1, e4s, 2, BillingPlan.UPFRONT, subscription, "shared")), false));
    int before = inventory().reservationsOf(contoso.id()).size();

    String requestId = UUID.randomUUID().toString();
    CheckoutResult result = pc.checkout(contoso.id(), cart.id(), requestId);
    assertThat(pc.checkout(contoso.id(), cart.id(), requestId).orders()).as("the same request again").isEqualTo(result.orders());
    String orderId = result.orders().get(0).id();

    List<OwnedReservation> ordered = inventory().reservationsOf(contoso.id()).stream()
        .filter(r -> orderId.equals(r.partnerCenterOrderId())).toList();
    assertThat(inventory().reservationsOf(contoso.id())).as("one reservation per line, once").hasSize(before + 2);
    assertThat(ordered).hasSize(2).allSatisfy(r -> {
      assertThat(r.purchaseDate()).isEqualTo(TODAY);
      assertThat(r.expiryDate()).isEqualTo(TODAY.plusMonths(r.term().months()));
      assertThat(r.renew()).isFalse();
      assertThat(r.provisioningState()).isEqualTo(OwnedReservation.SUCCEEDED);
      assertThat(r.billingPlan()).isEqualTo(BillingPlan.UPFRONT);
      assertThat(r.armRegionName()).isEqualTo("westeurope");
    });
    OwnedReservation single = ordered.stream().filter(r -> r.armSkuName().equals("Standard_D2s_v5")).findFirst().orElseThrow();
    assertThat(single.quantity()).isEqualTo(3);
    assertThat(single.term()).isEqualTo(Term.ONE_YEAR);
    assertThat(single.appliedScopeType()).isEqualTo(AppliedScopeType.SINGLE);
    assertThat(single.appliedScopes()).containsExactly(subscription);
    OwnedReservation shared = ordered.stream().filter(r -> r.armSkuName().equals("Standard_E4s_v5")).findFirst().orElseThrow();
    assertThat(shared.quantity()).isEqualTo(2);
    assertThat(shared.term()).isEqualTo(Term.THREE_YEARS);
    assertThat(shared.appliedScopeType()).isEqualTo(AppliedScopeType.SHARED);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 5000})
  void thePartnerWideListing_pagesThroughEveryReservationExactlyOnce(int pageSize) {
    List<String> seen = new ArrayList<>();
    String continuation = null;
    int pages = 0;
    do {
      ReservationPage page = inventory().allReservations(pageSize, continuation);
      assertThat(page.reservations()).hasSizeLessThanOrEqualTo(pageSize);
      page.reservations().forEach(r -> seen.add(r.reservationOrderId() + "/" + r.reservationId()));
      continuation = page.continuation();
      assertThat(++pages).as("pages end").isLessThan(1000);
    } while (continuation != null);
    assertThat(seen).doesNotHaveDuplicates();
    Set<String> expected = new HashSet<>();
    for (String name : List.of("Woodgrove Consulting", "Proseware Health", "Trey Energy", "Lucerne Bank", "Contoso Ltd")) {
      inventory().reservationsOf(customer(name)).forEach(r -> expected.add(r.reservationOrderId() + "/" + r.reservationId()));
    }
    assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
    assertThat(new HashSet<>(seen)).as("the demo customers' reservations, and nobody else owns any").isEqualTo(expected);
  }

  @Test
  void aPageSizeOrContinuationThatIsNotOurs_isRefused() {
    assertThatThrownBy(() -> inventory().allReservations(0, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> inventory().allReservations(ReservationPage.MAX_PAGE_SIZE + 1, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> inventory().allReservations(10, "not-a-continuation")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void utilization_ofAWellUsedReservation_isNearlyFull() {
    String woodgrove = customer("Woodgrove Consulting");
    OwnedReservation d4s = single(woodgrove, "Standard_D4s_v5");
    ReservationUtilization month = inventory().utilization(woodgrove, d4s.reservationOrderId(), d4s.reservationId(), TODAY.minusDays(30),
        TODAY.minusDays(1));
    assertThat(month.days()).hasSize(30);
    assertThat(month.days().get(0).day()).isEqualTo(TODAY.minusDays(30));
    assertThat(month.averagePercent()).as("its 6 D4s_v5 run under it").isBetween(97.0, 100.0);
    assertThat(month.minimumPercent()).isGreaterThan(90);
    assertThat(month.maximumPercent()).isLessThanOrEqualTo(100);
    assertThat(month.days()).allSatisfy(day -> {
      assertThat(day.reservedHours()).isEqualTo(6 * 24.0);
      assertThat(day.usedHours()).isBetween(0.95 * 144, 144.0);
      assertThat(day.minimumPercent()).isLessThanOrEqualTo(day.averagePercent());
      assertThat(day.maximumPercent()).isGreaterThanOrEqualTo(day.averagePercent());
    });
  }

  @Test
  void utilization_ofAnUnderUsedReservation_isAboutAQuarter() {
    String proseware = customer("Proseware Health");
    OwnedReservation e8s = single(proseware, "Standard_E8s_v5");
    ReservationUtilization month = inventory().utilization(proseware, e8s.reservationOrderId(), e8s.reservationId(), TODAY.minusDays(30),
        TODAY.minusDays(1));
    assertThat(month.days()).hasSize(30);
    assertThat(month.averagePercent()).as("2 of 8 E8s_v5 run").isBetween(20.0, 30.0);
    assertThat(month.maximumPercent()).isLessThan(35);
    assertThat(month.usedHours()).isBetween(0.2 * month.reservedHours(), 0.3 * month.reservedHours());
  }

  @Test
  void utilization_hasNoDaysBeforeThePurchaseAfterTheExpiryOrAhead() {
    String lucerne = customer("Lucerne Bank");
    OwnedReservation expired = single(lucerne, "Standard_D8s_v5");
    assertThat(inventory().utilization(lucerne, expired.reservationOrderId(), expired.reservationId(), TODAY.minusDays(30), TODAY)
        .days()).as("expired 40 days ago").isEmpty();
    ReservationUtilization lastDays = inventory().utilization(lucerne, expired.reservationOrderId(), expired.reservationId(),
        expired.expiryDate().minusDays(3), expired.expiryDate().plusDays(3));
    assertThat(lastDays.days()).extracting(DailyUtilization::day)
        .containsExactly(expired.expiryDate().minusDays(3), expired.expiryDate().minusDays(2), expired.expiryDate().minusDays(1));
    assertThat(lastDays.averagePercent()).as("a customer without demo usage: its seeded pattern").isBetween(40.0, 100.0);

    String trey = customer("Trey Energy");
    OwnedReservation expiring = single(trey, "Standard_E16s_v5");
    assertThat(inventory().utilization(trey, expiring.reservationOrderId(), expiring.reservationId(), TODAY.plusDays(1),
        TODAY.plusDays(5)).days()).as("days ahead").isEmpty();
    assertThat(inventory().utilization(trey, expiring.reservationOrderId(), expiring.reservationId(),
        expiring.purchaseDate().minusDays(2), expiring.purchaseDate()).days()).extracting(DailyUtilization::day)
        .containsExactly(expiring.purchaseDate());
  }

  @Test
  void scopeChange_singleAndBackToShared_appliedAndIdempotent() {
    String trey = customer("Trey Energy");
    String production = azureSubscription(trey, "Trey Energy Production");
    OwnedReservation reservation = single(trey, "Standard_E16s_v5");

    OwnedReservation single = inventory().changeScope(trey, reservation.reservationOrderId(), reservation.reservationId(),
        ScopeChange.single(production));
    assertThat(single.appliedScopeType()).isEqualTo(AppliedScopeType.SINGLE);
    assertThat(single.appliedScopes()).containsExactly(production);
    assertThat(single.quantity()).isEqualTo(reservation.quantity());
    assertThat(inventory().changeScope(trey, reservation.reservationOrderId(), reservation.reservationId(),
        ScopeChange.single(production.toUpperCase()))).as("the same request again").isEqualTo(single);
    assertThat(single(trey, "Standard_E16s_v5")).as("as it now is").isEqualTo(single);

    OwnedReservation shared = inventory().changeScope(trey, reservation.reservationOrderId(), reservation.reservationId(),
        ScopeChange.shared());
    assertThat(shared.appliedScopeType()).isEqualTo(AppliedScopeType.SHARED);
    assertThat(shared.appliedScopes()).isEmpty();
    assertThat(inventory().changeScope(trey, reservation.reservationOrderId(), reservation.reservationId(), ScopeChange.shared()))
        .isEqualTo(shared);
    assertThat(shared).isEqualTo(reservation);
  }

  @Test
  void scopeChange_refusals_sayWhyInTheirCode() {
    String trey = customer("Trey Energy");
    OwnedReservation reservation = single(trey, "Standard_E16s_v5");
    String contosoProduction = azureSubscription(customer("Contoso Ltd"), "Contoso Production");
    assertRefused(() -> inventory().changeScope(trey, reservation.reservationOrderId(), reservation.reservationId(),
        ScopeChange.single(contosoProduction)), Refusal.NOT_THE_CUSTOMERS_SUBSCRIPTION);
    assertRefused(() -> inventory().changeScope(trey, reservation.reservationOrderId(), UUID.randomUUID().toString(),
        ScopeChange.shared()), Refusal.RESERVATION_NOT_FOUND);
    assertRefused(() -> inventory().changeScope(customer("Proseware Health"), reservation.reservationOrderId(),
        reservation.reservationId(), ScopeChange.shared()), Refusal.RESERVATION_NOT_FOUND);

    String lucerne = customer("Lucerne Bank");
    OwnedReservation expired = single(lucerne, "Standard_D8s_v5");
    assertRefused(() -> inventory().changeScope(lucerne, expired.reservationOrderId(), expired.reservationId(), ScopeChange.shared()),
        Refusal.RESERVATION_EXPIRED);
    assertThat(single(lucerne, "Standard_D8s_v5")).as("nothing changed").isEqualTo(expired);

    backend().embeddedPartnerCenter().jdbc().sql("update pc_reservation set provisioning_state = 'Failed' where id = ?")
        .param(reservation.reservationId()).update();
    try {
      assertRefused(() -> inventory().changeScope(trey, reservation.reservationOrderId(), reservation.reservationId(),
          ScopeChange.shared()), Refusal.RESERVATION_NOT_SUCCEEDED);
    } finally {
      backend().embeddedPartnerCenter().jdbc().sql("update pc_reservation set provisioning_state = 'Succeeded' where id = ?")
          .param(reservation.reservationId()).update();
    }
  }

  // --- helpers ---

  private static void assertRefused(Runnable call, Refusal refusal) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ReservationRefusedException.class, e -> {
      assertThat(e.refusal()).isEqualTo(refusal);
      assertThat(e.getMessage()).startsWith(refusal.sentence());
    });
  }

  /** The customer's one reservation of a size. */
  protected OwnedReservation single(String customerId, String size) {
    return inventory().reservationsOf(customerId).stream().filter(r -> r.armSkuName().equals(size)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + size + " reservation"));
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

  private ReservationSku sku(String size, String region, String term) {
    return backend().embeddedPartnerCenter().catalog().skus().stream()
        .filter(s -> s.type() == ReservationType.VIRTUAL_MACHINES && s.vmSize().armSkuName().equals(size) && s.armRegionName().equals(region)
            && s.termDuration().equals(term))
        .findFirst().orElseThrow();
  }

  private CartLineItem line(int id, ReservationSku sku, long quantity, BillingPlan plan, String subscription, String scope) {
    String catalogItemId = backend().partnerCenter().getAvailability("US", sku.productId(), sku.skuId()).catalogItemId();
    return new CartLineItem(id, catalogItemId, quantity, plan.billingCycle(), sku.termDuration(),
        new ProvisioningContext(subscription, scope, ProvisioningContext.durationOf(sku.termDuration())), null);
  }
}
