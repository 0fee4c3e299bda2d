package com.reservationdesk.purchase;

import static com.reservationdesk.process.purchase.FormValues.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservationdesk.AppTest;
import com.reservationdesk.TestPurchases;
import com.reservationdesk.catalog.CatalogFilter;
import com.reservationdesk.catalog.ReservationOffer;
import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.Scope;
import com.reservationdesk.process.purchase.Actions;
import com.reservationdesk.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every value a form submits is checked on the server, with a message that says what to fix. */
@AppTest
class PurchaseServiceTest {

  @Autowired PurchaseService purchases;
  @Autowired SubscriptionService subscriptions;
  @Autowired PartnerCenter partnerCenter;

  Customer adventureWorks;
  String subscriptionId;
  String purchaseId;
  ReservationOffer d4s;

  @BeforeEach
  void openPurchase() {
    adventureWorks = customer("adventureworks.onmicrosoft.com");
    subscriptionId = subscriptions.eligibleSubscriptions(adventureWorks.id()).stream()
        .filter(s -> s.friendlyName().contains("Production")).findFirst().orElseThrow().subscriptionId();
    purchaseId = TestPurchases.open(purchases, adventureWorks.id(), subscriptionId, "alice");
    d4s = purchases.findOffers(purchaseId, CatalogFilter.vm("westeurope", "D4s_v5", "P3Y", BillingPlan.UPFRONT)).offers().get(0);
  }

  @Test
  void subscriptionMustBeAnActiveAzureSubscriptionOfTheCustomer() {
    Customer contoso = customer("contoso.onmicrosoft.com");
    String contosoSubscription = subscriptions.eligibleSubscriptions(contoso.id()).get(0).subscriptionId();
    assertRejected(() -> TestPurchases.open(purchases, adventureWorks.id(), contosoSubscription, "alice"),
        "is not an Azure subscription of this customer");
    Customer northwind = customer("northwindtraders.onmicrosoft.com");
    String suspended = partnerCenter.getSubscriptions(northwind.id()).get(0).id();
    assertRejected(() -> TestPurchases.open(purchases, northwind.id(), suspended, "alice"), "is suspended");
    String microsoft365 = partnerCenter.getSubscriptions(adventureWorks.id()).stream().filter(s -> s.offerId().startsWith("CFQ7"))
        .findFirst().orElseThrow().id();
    assertRejected(() -> TestPurchases.open(purchases, adventureWorks.id(), microsoft365, "alice"), "is not an Azure subscription");
    assertRejected(() -> TestPurchases.open(purchases, adventureWorks.id(), " ", "alice"), "Choose the Azure subscription");
    assertRejected(() -> TestPurchases.open(purchases, "not-a-customer", subscriptionId, "alice"), "not a customer of this partner");
  }

  @Test
  void quantityMustBeAWholeNumberWithinTheSkuRange() {
    assertRejected(() -> purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(0)), "between 1 and 999,999,999");
    assertRejected(() -> purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(1_000_000_000L)), "between 1 and 999,999,999");
    assertRejected(() -> purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(1.5)), "whole number");
    assertRejected(() -> purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(1e30)), "between 1 and");
    assertRejected(() -> purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number("two")), "Enter the quantity");
    assertRejected(() -> purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(null)), "Enter the quantity");
    assertThat(purchases.cart(purchaseId).isEmpty()).as("nothing half-added").isTrue();

    assertThat(purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(2.0)).lines()).singleElement()
        .satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
  }

  @Test
  void skuMustBeInTheCatalogWithThatBillingPlan() {
    assertRejected(() -> purchases.addLine(purchaseId, "DZH318Z0BQ3V:ZZZZ", billingPlan("upfront"), number(1)), "not in the catalog");
    assertRejected(() -> purchases.addLine(purchaseId, null, billingPlan("upfront"), number(1)), "Choose a reservation");
    assertRejected(() -> purchases.addLine(purchaseId, d4s.reference(), billingPlan("yearly"), number(1)), "upfront or monthly");
  }

  @Test
  void aReservationTheSubscriptionCannotBuyIsRefusedWithTheReason() {
    ReservationOffer restricted = purchases.findOffers(purchaseId, CatalogFilter.vm("westeurope", "D4s_v3", "P3Y", BillingPlan.UPFRONT))
        .offers().get(0);
    assertThat(restricted.restriction()).contains("closed to new reservations");
    assertRejected(() -> purchases.addLine(purchaseId, restricted.reference(), billingPlan("upfront"), number(1)),
        "Standard_D4s_v3 in EU West cannot be bought for this subscription: Dsv3 capacity in EU West is closed");

    // M-series is refused for the development subscription only.
    String development = subscriptions.eligibleSubscriptions(adventureWorks.id()).stream()
        .filter(s -> s.friendlyName().contains("Development")).findFirst().orElseThrow().subscriptionId();
    String devPurchase = TestPurchases.open(purchases, adventureWorks.id(), development, "alice");
    ReservationOffer m = purchases.findOffers(devPurchase, CatalogFilter.vm("eastus", "Standard_M8ms", "P1Y", BillingPlan.UPFRONT))
        .offers().get(0);
    assertRejected(() -> purchases.addLine(devPurchase, m.reference(), billingPlan("upfront"), number(1)), "development subscription cannot buy M-series");
    assertThat(purchases.addLine(purchaseId, m.reference(), billingPlan("upfront"), number(1)).lines()).hasSize(1);
    assertThat(purchases.cart(devPurchase).isEmpty()).isTrue();
  }

  @Test
  void sameSkuAddsToItsLine_quantitiesChangeAndLinesGo_totalsFollow() {
    purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(2));
    CartView cart = purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(3));
    assertThat(cart.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(5));
    cart = purchases.addLine(purchaseId, d4s.reference(), billingPlan("monthly"), number(1));
    assertThat(cart.lines()).hasSize(2);
    // Adventure Works is billed in Germany: the cart is in euros, at the price the search showed.
    assertThat(purchases.ofProcess(purchaseId).currency()).isEqualTo("EUR");
    BigDecimal unit = d4s.unitPrice().amount();
    assertThat(d4s.unitPrice().currency()).isEqualTo("EUR");
    assertThat(cart.lines()).allSatisfy(l -> assertThat(l.unitPrice()).isEqualTo(d4s.unitPrice()));
    assertThat(cart.total().amount()).isEqualByComparingTo(unit.multiply(BigDecimal.valueOf(6)));
    assertThat(cart.total().format()).startsWith("\u20ac").contains(",");
    Money upfront = d4s.unitPrice().times(5);
    Money monthly = new Money(unit.divide(BigDecimal.valueOf(36), 10, RoundingMode.HALF_UP), "EUR");
    assertThat(cart.billingSummary()).isEqualTo("Billed at purchase: " + upfront.format() + ". Billed monthly: " + monthly.format()
        + " a month for 36 months.");

    cart = purchases.changeQuantity(purchaseId, lineNo("1"), number(1));
    assertThat(cart.lines().get(0).quantity()).isEqualTo(1);
    assertRejected(() -> purchases.changeQuantity(purchaseId, lineNo("1"), number(-4)), "between 1 and");
    assertRejected(() -> purchases.changeQuantity(purchaseId, lineNo("7"), number(1)), "Choose the cart line");
    cart = purchases.removeLine(purchaseId, lineNo(2));
    assertThat(cart.lines()).extracting(PurchaseLine::lineNo).containsExactly(1);
    assertThat(cart.total().amount()).isEqualByComparingTo(unit);
  }

  @Test
  void buyingNeedsACartAValidScopeAndOneOfThePartnersActiveResellers() {
    assertRejected(() -> purchases.readyToOrder(purchaseId, scope("shared"), "4847383", "alice"), "The cart is empty");
    purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(1));
    assertRejected(() -> purchases.readyToOrder(purchaseId, scope(null), "4847383", "alice"), "Choose the scope");
    assertRejected(() -> purchases.readyToOrder(purchaseId, scope("resourceGroup"), "4847383", "alice"), "shared or single");
    assertRejected(() -> purchases.readyToOrder(purchaseId, scope("shared"), null, "alice"), "Choose the reseller");
    assertRejected(() -> purchases.readyToOrder(purchaseId, scope("shared"), "6020114", "alice"), "not one of your active resellers");
    assertThat(purchases.ofProcess(purchaseId).status()).isEqualTo(PurchaseStatus.OPEN);

    // The OrderRules table: an Azure plan buys with shared scope, as the dashboard does.
    assertRejected(() -> purchases.readyToOrder(purchaseId, scope("single"), "4847383", "alice"),
        "For an Azure plan the reservation scope is shared");
    Purchase ready = purchases.readyToOrder(purchaseId, scope("shared"), "4847383", "alice").purchase();
    assertThat(ready.status()).isEqualTo(PurchaseStatus.ORDERING);
    assertThat(ready.scope()).isEqualTo(Scope.SHARED);
    assertThat(ready.resellerName()).isEqualTo("Tailspin Cloud Services");
    assertThat(ready.checkoutRequestId()).isNotBlank();
    assertRejected(() -> purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(1)), "can no longer be changed");
  }

  @Test
  void quantityLimitsOfThePolicyTableApplyPerLineAndPerOrder_whenALineIsAdded() {
    // Refused as the line is added or changed, not only at Buy, with the table's limits.
    assertRejected(() -> purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(1001)),
        "Standard_D4s_v5: at most 1,000 instances per line (policy)");
    assertThat(purchases.cart(purchaseId).isEmpty()).as("nothing half-added").isTrue();
    purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(1000));
    assertRejected(() -> purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(1)), "at most 1,000 instances per line");
    assertRejected(() -> purchases.changeQuantity(purchaseId, lineNo("1"), number(1001)), "at most 1,000 instances per line");
    purchases.addLine(purchaseId, d4s.reference(), billingPlan("monthly"), number(1000));
    String e8OneYear = purchases.findOffers(purchaseId, CatalogFilter.vm("westeurope", "Standard_E8s_v5", "P1Y", BillingPlan.UPFRONT))
        .offers().get(0).reference();
    String e8ThreeYears = purchases.findOffers(purchaseId, CatalogFilter.vm("westeurope", "Standard_E8s_v5", "P3Y", BillingPlan.UPFRONT))
        .offers().get(0).reference();
    purchases.addLine(purchaseId, e8OneYear, billingPlan("upfront"), number(1000));
    purchases.addLine(purchaseId, e8OneYear, billingPlan("monthly"), number(1000));
    purchases.addLine(purchaseId, e8ThreeYears, billingPlan("upfront"), number(999));
    assertRejected(() -> purchases.addLine(purchaseId, e8ThreeYears, billingPlan("monthly"), number(2)),
        "Virtual machines: at most 5,000 instances per order (policy); the cart already holds 4,999, so at most 1 more fit");
    purchases.changeQuantity(purchaseId, lineNo("5"), number(1000));
    assertRejected(() -> purchases.addLine(purchaseId, e8ThreeYears, billingPlan("monthly"), number(1)), "the cart already holds 5,000, so at most 0 more fit");
    assertThat(purchases.cart(purchaseId).lines()).extracting(PurchaseLine::quantity).containsExactly(1000L, 1000L, 1000L, 1000L, 1000L);
    // Buy checks the same table again (a process owner may have lowered a limit meanwhile): the cart is within it.
    assertThat(purchases.readyToOrder(purchaseId, scope("shared"), "4847383", "alice").purchase().status()).isEqualTo(PurchaseStatus.ORDERING);
  }

  @Test
  void approverCannotApproveTheirOwnPurchase_andARejectionNeedsAReason() {
    purchases.addLine(purchaseId, d4s.reference(), billingPlan("upfront"), number(1));
    purchases.readyToOrder(purchaseId, scope("shared"), "4847383", "alice");
    assertRejected(() -> purchases.decideApproval(purchaseId, approves("approve"), null, "alice"), "another approver must decide");
    // Who started the purchase cannot approve it either, whoever chose to buy.
    String bobsPurchase = TestPurchases.open(purchases, adventureWorks.id(), subscriptionId, "bob");
    purchases.addLine(bobsPurchase, d4s.reference(), billingPlan("upfront"), number(1));
    purchases.readyToOrder(bobsPurchase, scope("shared"), "4847383", "alice");
    assertRejected(() -> purchases.decideApproval(bobsPurchase, approves("approve"), null, "bob"), "another approver must decide");
    assertRejected(() -> purchases.decideApproval(bobsPurchase, approves("approve"), null, null), "Log in as an approver");
    assertRejected(() -> purchases.decideApproval(purchaseId, approves("reject"), "  ", "carol"), "Say why the order is rejected");
    assertRejected(() -> purchases.decideApproval(purchaseId, approves("maybe"), null, "carol"), "Choose approve or reject");
    purchases.decideApproval(purchaseId, approves("reject"), "Too many", "carol");
    assertThat(purchases.ofProcess(purchaseId).status()).isEqualTo(PurchaseStatus.OPEN);
    assertThat(purchases.ofProcess(purchaseId).checkoutRequestId()).isNull();
    assertRejected(() -> purchases.decideApproval(purchaseId, approves("approve"), null, "carol"), "nothing to approve");
    assertThat(purchases.readyToOrder(purchaseId, scope("shared"), "4847383", "alice").approval()).satisfies(r -> {
      assertThat(r.currency()).isEqualTo("EUR");
      assertThat(r.total()).isEqualTo(d4s.unitPrice());
      assertThat(r.quantity()).isEqualTo(1);
    });
  }

  @Test
  void cancellingDiscardsAnOpenPurchaseOnly() {
    purchases.cancel(purchaseId);
    assertThat(purchases.ofProcess(purchaseId).status()).isEqualTo(PurchaseStatus.CANCELLED);
  }

  /** The approver's answer as the approval form sends it. */
  private static boolean approves(String decision) {
    return Actions.read(Actions.ApprovalDecision.class, decision) == Actions.ApprovalDecision.APPROVE;
  }

  private static void assertRejected(Runnable call, String messagePart) {
    assertThatThrownBy(call::run).isInstanceOf(InvalidInputException.class).hasMessageContaining(messagePart);
  }

  private Customer customer(String domain) {
    return partnerCenter.searchCustomers(CustomerSearchField.DOMAIN, domain, 1).get(0);
  }
}
