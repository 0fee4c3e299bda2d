package com.reservationdesk.partnercenter.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservationdesk.AppTest;
import com.reservationdesk.partnercenter.Availability;
import com.reservationdesk.partnercenter.AzureEntitlement;
import com.reservationdesk.partnercenter.CartLineItem;
import com.reservationdesk.partnercenter.CartRequest;
import com.reservationdesk.partnercenter.CheckoutResult;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.InventoryContext;
import com.reservationdesk.partnercenter.InventoryResult;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.PartnerCenterException;
import com.reservationdesk.partnercenter.ProvisioningContext;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.SubscriptionStatus;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded Partner Center answers like the real API: shapes, statuses and error codes. */
@AppTest
class EmbeddedPartnerCenterTest {

  private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Autowired PartnerCenter partnerCenter;

  @Test
  void demoDataHoldsEveryCaseAnAgentMeets() {
    assertThat(partnerCenter.searchCustomers(CustomerSearchField.COMPANY_NAME, "", 1000)).hasSizeGreaterThanOrEqualTo(200);
    assertThat(activeAzure(customer("contoso.onmicrosoft.com"))).hasSize(1);
    assertThat(partnerCenter.getSubscriptions(customer("fabrikam.onmicrosoft.com").id())).isEmpty();
    assertThat(partnerCenter.getSubscriptions(customer("northwindtraders.onmicrosoft.com").id()))
        .singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(SubscriptionStatus.SUSPENDED));
    assertThat(activeAzure(customer("adventureworks.onmicrosoft.com"))).hasSize(2);
    Customer tailspin = customer("tailspintoys.onmicrosoft.com");
    assertThat(tailspin.associatedPartnerId()).isNotNull();
    assertThat(partnerCenter.getIndirectResellers()).extracting("id").contains(tailspin.associatedPartnerId());
    assertThat(tailspin.tenantId()).matches(GUID);
  }

  @Test
  void customerSearchMatchesFromTheStartOfNameOrDomain_caseInsensitive() {
    assertThat(partnerCenter.searchCustomers(CustomerSearchField.COMPANY_NAME, "litWARE", 50))
        .hasSize(9).allSatisfy(c -> assertThat(c.companyName()).startsWith("Litware "));
    assertThat(partnerCenter.searchCustomers(CustomerSearchField.COMPANY_NAME, "ware", 50)).isEmpty();
    assertThat(partnerCenter.searchCustomers(CustomerSearchField.DOMAIN, "contoso.", 50)).extracting("companyName")
        .containsExactly("Contoso Ltd");
    assertThat(partnerCenter.searchCustomers(CustomerSearchField.COMPANY_NAME, "100%_", 50)).isEmpty();
  }

  @Test
  void catalogItemsHavePartnerCenterShapes() {
    List<ReservationSku> skus = partnerCenter.getReservationSkus("US");
    assertThat(skus).hasSizeGreaterThan(3000);
    ReservationSku sku = skus.stream().filter(s -> s.displayName().equals("Standard_E16s_v5") && s.armRegionName().equals("westus")
        && s.termDuration().equals("P1Y")).findFirst().orElseThrow();
    assertThat(sku.productId()).isEqualTo("DZH318Z096SR");
    assertThat(sku.skuId()).matches("[0-9A-Z]{4}");
    assertThat(sku.listPrice()).isEqualByComparingTo("6054");
    assertThat(sku.title()).isEqualTo("Reserved VM Instance, Standard_E16s_v5, US West, 1 Year");
    assertThat(sku.maximumQuantity()).isEqualTo(999_999_999L);
    Availability availability = partnerCenter.getAvailability("US", sku.productId(), sku.skuId());
    assertThat(availability.catalogItemId()).matches("DZH318Z096SR:" + sku.skuId() + ":DZH318Z0[0-9A-Z]{4}");
    assertThat(skus).filteredOn(s -> s.termDuration().equals("P5Y")).extracting(s -> s.vmSize().family()).containsOnly("HBv2");
    assertThat(skus).extracting(ReservationSku::type).contains(ReservationType.SQL_DATABASE, ReservationType.COSMOS_DB);
    assertThat(skus.stream().filter(s -> s.type() == ReservationType.VIRTUAL_MACHINES).map(ReservationSku::armRegionName).distinct())
        .hasSizeGreaterThanOrEqualTo(20);
  }

  @Test
  void addingAnAzurePlanGivesAnActiveAzureSubscription_aSecondPlanIsRefused() {
    // A generated demo customer without any subscription (Fabrikam is left to the purchase tests).
    Customer fresh = partnerCenter.searchCustomers(CustomerSearchField.COMPANY_NAME, "", 1000).stream()
        .filter(c -> !c.companyName().equals("Fabrikam Inc") && partnerCenter.getSubscriptions(c.id()).isEmpty())
        .findFirst().orElseThrow();
    Subscription plan = partnerCenter.createAzurePlan(fresh.id(), UUID.randomUUID().toString());
    assertThat(plan.isAzurePlan()).isTrue();
    assertThat(plan.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(partnerCenter.getAzureEntitlements(fresh.id(), plan.id())).singleElement()
        .satisfies(e -> assertThat(e.subscriptionId()).matches(GUID));

    assertThatThrownBy(() -> partnerCenter.createAzurePlan(fresh.id(), UUID.randomUUID().toString()))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> assertThat(e.code()).isEqualTo("800002"));
    AzureEntitlement second = partnerCenter.createAzureSubscription(fresh.id(), plan.id(), "Second", UUID.randomUUID().toString());
    assertThat(partnerCenter.getAzureEntitlements(fresh.id(), plan.id())).extracting("subscriptionId")
        .contains(second.subscriptionId()).hasSize(2);
  }

  @Test
  void cartMistakesGetTheDocumentedErrorCodes() {
    Customer contoso = customer("contoso.onmicrosoft.com");
    String subscription = activeAzure(contoso).get(0).subscriptionId();
    String catalogItem = catalogItem("Standard_D4s_v5", "westeurope", "P3Y");

    assertCode(contoso, line("NOPE:0001:NOPE", 1, subscription, "shared", "4847383"), "10001");
    assertCode(contoso, line(catalogItem, 0, subscription, "shared", "4847383"), "800017");
    assertCode(contoso, line(catalogItem, 1, UUID.randomUUID().toString(), "shared", "4847383"), "800011");
    assertCode(contoso, line(catalogItem, 1, subscription, "shared", "9999999"), "800015");
    assertCode(contoso, line(catalogItem, 1, subscription, "shared", DemoDataSeeder.RESELLER_INACTIVE_MPN), "800016");
    assertCode(contoso, line(catalogItem, 1, subscription, "everywhere", "4847383"), "800002");
    Customer northwind = customer("northwindtraders.onmicrosoft.com");
    String suspended = partnerCenter.getSubscriptions(northwind.id()).get(0).id();
    assertCode(northwind, line(catalogItem, 1, suspended, "shared", "4847383"), "800012");
    // Restricted for every subscription in EU West by the demo's inventory restrictions.
    assertCode(contoso, line(catalogItem("Standard_D4s_v3", "westeurope", "P3Y"), 1, subscription, "shared", "4847383"), "800010");
  }

  @Test
  void inventoryCheckNamesTheRestrictionOfTheSubscriptionAndRegion() {
    Customer contoso = customer("contoso.onmicrosoft.com");
    String subscription = activeAzure(contoso).get(0).subscriptionId();
    String d4sv3 = sku("Standard_D4s_v3", "westeurope", "P3Y").key();
    String d4sv3North = sku("Standard_D4s_v3", "northeurope", "P3Y").key();
    String nc = partnerCenter.getReservationSkus("US").stream().filter(s -> s.displayName().startsWith("Standard_NC"))
        .findFirst().orElseThrow().key();

    List<InventoryResult> results = partnerCenter.checkInventory("US", new InventoryContext(contoso.id(), subscription, null),
        List.of(d4sv3, d4sv3North, nc));
    assertThat(results).extracting(InventoryResult::key).containsExactly(d4sv3, d4sv3North, nc);
    assertThat(results.get(0).isRestricted()).isTrue();
    assertThat(results.get(0).restrictions()).singleElement().satisfies(r -> {
      assertThat(r.reasonCode()).isEqualTo("NotAvailableForSubscription");
      assertThat(r.description()).contains("EU West");
    });
    assertThat(results.get(1).isRestricted()).isFalse();
    assertThat(results.get(2).reason()).contains("no GPU (NC-series) quota");
    // The GPU restriction belongs to Contoso's subscription, not to another customer's.
    Customer tailspin = customer("tailspintoys.onmicrosoft.com");
    assertThat(partnerCenter.checkInventory("US", new InventoryContext(tailspin.id(), activeAzure(tailspin).get(0).subscriptionId(), null),
        List.of(nc)).get(0).isRestricted()).isFalse();
  }

  @Test
  void checkoutYieldsOrders_retryWithTheSameRequestIdGivesTheSameOrders() {
    Customer contoso = customer("contoso.onmicrosoft.com");
    String subscription = activeAzure(contoso).get(0).subscriptionId();
    var cart = partnerCenter.createCart(contoso.id(), new CartRequest(List.of(
        line(catalogItem("Standard_D4s_v5", "westeurope", "P3Y"), 2, subscription, "shared", "4847383"),
        new CartLineItem(2, catalogItem("Standard_E8s_v5", "eastus", "P1Y"), 1, "monthly", "P1Y",
            new ProvisioningContext(subscription, "shared", "1Year"), "4847383")), true));
    assertThat(cart.expirationTimestamp()).isAfter(cart.creationTimestamp());

    String requestId = UUID.randomUUID().toString();
    CheckoutResult first = partnerCenter.checkout(contoso.id(), cart.id(), requestId);
    assertThat(first.orders()).hasSize(2).allSatisfy(order -> {
      assertThat(order.id()).matches("[A-Za-z0-9_-]{33}");
      assertThat(order.alternateId()).matches("[0-9a-f]{12}");
      assertThat(order.status()).isEqualTo("pending");
      assertThat(order.lineItems()).allSatisfy(l -> assertThat(l.partnerIdOnRecord()).isEqualTo("4847383"));
    });
    CheckoutResult retry = partnerCenter.checkout(contoso.id(), cart.id(), requestId);
    assertThat(retry.orders()).extracting("id").containsExactlyInAnyOrderElementsOf(first.orders().stream().map(o -> o.id()).toList());
    assertThatThrownBy(() -> partnerCenter.checkout(contoso.id(), cart.id(), UUID.randomUUID().toString()))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> assertThat(e.code()).isEqualTo("800065"));
    assertThat(partnerCenter.getOrder(contoso.id(), first.orders().get(0).id())).isPresent();
  }

  private void assertCode(Customer customer, CartLineItem line, String code) {
    assertThatThrownBy(() -> partnerCenter.createCart(customer.id(), new CartRequest(List.of(line), true)))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static CartLineItem line(String catalogItemId, long quantity, String subscription, String scope, String reseller) {
    return new CartLineItem(1, catalogItemId, quantity, "one_time", "P3Y",
        new ProvisioningContext(subscription, scope, "3Years"), reseller);
  }

  private String catalogItem(String size, String region, String term) {
    ReservationSku sku = sku(size, region, term);
    return partnerCenter.getAvailability("US", sku.productId(), sku.skuId()).catalogItemId();
  }

  private ReservationSku sku(String size, String region, String term) {
    return partnerCenter.getReservationSkus("US").stream()
        .filter(s -> s.displayName().equals(size) && s.armRegionName().equals(region) && s.termDuration().equals(term))
        .findFirst().orElseThrow();
  }

  private Customer customer(String domain) {
    return partnerCenter.searchCustomers(CustomerSearchField.DOMAIN, domain, 1).get(0);
  }

  private List<AzureEntitlement> activeAzure(Customer customer) {
    return partnerCenter.getSubscriptions(customer.id()).stream().filter(Subscription::isAzurePlan)
        .flatMap(p -> partnerCenter.getAzureEntitlements(customer.id(), p.id()).stream())
        .filter(e -> e.status() == SubscriptionStatus.ACTIVE).toList();
  }
}
