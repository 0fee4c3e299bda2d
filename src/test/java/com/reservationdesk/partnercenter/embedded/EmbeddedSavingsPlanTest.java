package com.reservationdesk.partnercenter.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservationdesk.partnercenter.AzureEntitlement;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Cart;
import com.reservationdesk.partnercenter.CartLineItem;
import com.reservationdesk.partnercenter.CartRequest;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.Order;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.PartnerCenterException;
import com.reservationdesk.partnercenter.ProvisioningContext;
import com.reservationdesk.partnercenter.PurchaseCommitment;
import com.reservationdesk.partnercenter.SavingsPlanProduct;
import com.reservationdesk.partnercenter.Scope;
import com.reservationdesk.partnercenter.StandaloneEmbeddedPartnerCenter;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.Term;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the embedded Partner Center keeps of a savings plan, and the rules the contract suite cannot reach through the
 * port: an Azure plan whose Azure subscriptions are all suspended, and the two ids a single scope may name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedSavingsPlanTest {

  private final StandaloneEmbeddedPartnerCenter embedded = new StandaloneEmbeddedPartnerCenter();
  private final PartnerCenter pc = embedded.partnerCenter();

  @Test
  void theOrderKeepsTheCommitmentAsSent_withoutAReservationDuration() {
    Customer contoso = embedded.customer("Contoso Ltd");
    Subscription plan = azurePlan(contoso);
    // The API writes the currency in lower case on cart lines; it is the customer's currency all the same.
    CartLineItem line = line(Term.ONE_YEAR, ProvisioningContext.savingsPlan(Scope.SHARED, plan.id()),
        new PurchaseCommitment(new BigDecimal("0.0500"), "Hourly", "usd"));
    Cart cart = pc.createCart(contoso.id(), new CartRequest(List.of(line), false));

    Order order = pc.checkout(contoso.id(), cart.id(), UUID.randomUUID().toString()).orders().get(0);

    Map<String, Object> row = embedded.jdbc().sql("select * from pc_order_line where order_id = ?").param(order.id()).query().singleRow();
    assertThat((BigDecimal) row.get("COMMITMENT_AMOUNT")).isEqualByComparingTo("0.05");
    assertThat(row.get("COMMITMENT_GRAIN")).isEqualTo("hourly");
    assertThat(row.get("COMMITMENT_CURRENCY")).isEqualTo("USD");
    assertThat(row.get("DURATION")).isNull();
    assertThat(row.get("QUANTITY")).isEqualTo(1L);
    assertThat(embedded.jdbc().sql("select count(*) from pc_reservation_order where pc_order_id = ?").param(order.id()).query(Integer.class)
        .single()).as("a savings plan is no reservation: Azure creates no reservation order for it").isZero();
    assertThat(order.lineItems()).singleElement().satisfies(l -> {
      assertThat(l.purchaseCommitment()).isEqualTo(PurchaseCommitment.hourly(new BigDecimal("0.05"), "USD"));
      assertThat(l.provisioningContext().duration()).isNull();
    });
  }

  @Test
  void singleScopeNamesTheAzureSubscription_byItsEntitlementIdOrItsSubscriptionId() {
    // Microsoft documents the entitlementId as the Azure subscription's id; the demo data keeps both apart.
    Customer contoso = embedded.customer("Contoso Ltd");
    AzureEntitlement azure = pc.getAzureEntitlements(contoso.id(), azurePlan(contoso).id()).get(0);
    PurchaseCommitment commitment = PurchaseCommitment.hourly(BigDecimal.ONE, "USD");
    for (String id : List.of(azure.id(), azure.subscriptionId(), azure.id().toUpperCase())) {
      Cart cart = pc.createCart(contoso.id(), new CartRequest(List.of(line(Term.THREE_YEARS,
          ProvisioningContext.savingsPlan(Scope.SINGLE, id), commitment)), false));
      assertThat(cart.lineItems()).singleElement().satisfies(l -> assertThat(l.provisioningContext().subscriptionId()).isEqualTo(id));
    }
  }

  @Test
  void anAzurePlanWithoutAnActiveAzureSubscriptionCannotBuyASavingsPlan() {
    Customer adventureWorks = embedded.customer("Adventure Works Cycles");
    Subscription plan = azurePlan(adventureWorks);
    List<AzureEntitlement> subscriptions = pc.getAzureEntitlements(adventureWorks.id(), plan.id());
    PurchaseCommitment euros = PurchaseCommitment.hourly(new BigDecimal("3"), "EUR");
    CartLineItem shared = line(Term.THREE_YEARS, ProvisioningContext.savingsPlan(Scope.SHARED, plan.id()), euros);
    Cart cart = pc.createCart(adventureWorks.id(), new CartRequest(List.of(shared), false));

    embedded.jdbc().sql("update pc_azure_entitlement set status = 'suspended' where id = ?").param(subscriptions.get(0).id()).update();
    assertRefused("800012", () -> pc.createCart(adventureWorks.id(), new CartRequest(List.of(
        line(Term.ONE_YEAR, ProvisioningContext.savingsPlan(Scope.SINGLE, subscriptions.get(0).id()), euros)), false)));
    assertThat(pc.createCart(adventureWorks.id(), new CartRequest(List.of(shared), false)).lineItems())
        .as("one active Azure subscription is enough for shared scope").hasSize(1);

    embedded.jdbc().sql("update pc_azure_entitlement set status = 'suspended' where plan_id = ?").param(plan.id()).update();
    assertRefused("800012", () -> pc.createCart(adventureWorks.id(), new CartRequest(List.of(shared), false)));
    // Checked again at checkout: the cart was right when it was made.
    assertRefused("800012", () -> pc.checkout(adventureWorks.id(), cart.id(), UUID.randomUUID().toString()));

    embedded.jdbc().sql("update pc_azure_entitlement set status = 'active' where plan_id = ?").param(plan.id()).update();
    embedded.jdbc().sql("update pc_subscription set status = 'suspended' where id = ?").param(plan.id()).update();
    assertRefused("800012", () -> pc.createCart(adventureWorks.id(), new CartRequest(List.of(shared), false)));
  }

  private CartLineItem line(Term term, ProvisioningContext context, PurchaseCommitment commitment) {
    String catalogItemId = pc.getAvailability("US", SavingsPlanProduct.PRODUCT_ID, SavingsPlanProduct.skuId(term)).catalogItemId();
    return new CartLineItem(0, catalogItemId, 1, BillingPlan.MONTHLY.billingCycle(), term.iso(), context, null, commitment);
  }

  private Subscription azurePlan(Customer customer) {
    return pc.getSubscriptions(customer.id()).stream().filter(Subscription::isAzurePlan).findFirst().orElseThrow();
  }

  private static void assertRefused(String code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(PartnerCenterException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
