package com.reservationdesk.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the product relies on from Partner Center, run against both adapters: the embedded one directly,
 * the live one over HTTP against the fake server. A behaviour only one of them has fails here, so the
 * two cannot drift apart. Every test reads or changes the demo data through the port alone, and tests
 * that change something use customers of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PartnerCenterContract {

  static final String ACTIVE_RESELLER = "4847383";
  static final String TERMINATED_RESELLER = "6020114";

  /** The adapter under test, on a fresh copy of the demo data for the test class. */
  protected abstract PartnerCenter partnerCenter();

  private List<ReservationSku> catalog;
  private final List<Customer> unusedCustomersWithoutSubscription = new ArrayList<>();

  @Test
  void findsCustomersByCompanyNameOrDomainPrefix_caseInsensitive_andReadsOne() {
    PartnerCenter pc = partnerCenter();
    List<Customer> byName = pc.searchCustomers(CustomerSearchField.COMPANY_NAME, "CONTOSO", 10);
    assertThat(byName).extracting(Customer::companyName).containsExactly("Contoso Ltd");
    Customer contoso = byName.get(0);
    assertThat(contoso.domain()).isEqualTo("contoso.onmicrosoft.com");
    assertThat(contoso.country()).isEqualTo("US");
    assertThat(contoso.culture()).isEqualTo("en-US");
    assertThat(pc.searchCustomers(CustomerSearchField.DOMAIN, "contoso.onmicrosoft", 10)).containsExactly(contoso);
    assertThat(pc.getCustomer(contoso.id())).contains(contoso);
    assertThat(pc.getCustomer(UUID.randomUUID().toString())).isEmpty();
    Customer tailspin = pc.searchCustomers(CustomerSearchField.COMPANY_NAME, "Tailspin", 10).get(0);
    assertThat(tailspin.relationshipToPartner()).isEqualTo("indirect_reseller");
    assertThat(tailspin.associatedPartnerId()).isNotBlank();
  }

  @Test
  void searchReturnsAsManyMatchesAsAskedFor_acrossPages() {
    // "Litware …" has nine customers; all customers are more than the API's page.
    assertThat(partnerCenter().searchCustomers(CustomerSearchField.COMPANY_NAME, "litware", 50)).hasSize(9)
        .allSatisfy(c -> assertThat(c.companyName()).startsWith("Litware "));
    List<Customer> many = partnerCenter().searchCustomers(CustomerSearchField.COMPANY_NAME, "", 25);
    assertThat(many).hasSize(25).doesNotHaveDuplicates();
    assertThat(partnerCenter().searchCustomers(CustomerSearchField.COMPANY_NAME, "", 10_000)).hasSizeGreaterThan(250);
  }

  @Test
  void readsSubscriptionsAndTheAzureSubscriptionsOfAnAzurePlan() {
    PartnerCenter pc = partnerCenter();
    Customer adventureWorks = customer("Adventure Works Cycles");
    List<Subscription> subscriptions = pc.getSubscriptions(adventureWorks.id());
    assertThat(subscriptions).hasSize(2);
    Subscription plan = subscriptions.stream().filter(Subscription::isAzurePlan).findFirst().orElseThrow();
    assertThat(plan.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(pc.getAzureEntitlements(adventureWorks.id(), plan.id())).extracting(AzureEntitlement::friendlyName)
        .containsExactly("Adventure Works Development", "Adventure Works Production");
    assertThat(pc.getAzureEntitlements(adventureWorks.id(), plan.id())).allSatisfy(e -> {
      assertThat(e.status()).isEqualTo(SubscriptionStatus.ACTIVE);
      assertThat(e.subscriptionId()).matches("[0-9a-f-]{36}");
    });
    Subscription m365 = subscriptions.stream().filter(s -> !s.isAzurePlan()).findFirst().orElseThrow();
    assertThatThrownBy(() -> pc.getAzureEntitlements(adventureWorks.id(), m365.id()))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> assertThat(e.code()).isEqualTo("800011"));

    Customer northwind = customer("Northwind Traders");
    assertThat(pc.getSubscriptions(northwind.id())).singleElement().satisfies(s -> {
      assertThat(s.isLegacyAzureOffer()).isTrue();
      assertThat(s.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
    });
  }

  @Test
  void buysAnAzurePlanOnce_perRequestId_andItsSubscriptionMustRegisterForReservations() {
    PartnerCenter pc = partnerCenter();
    Customer customer = unusedCustomerWithoutSubscription();
    String requestId = UUID.randomUUID().toString();

    Subscription plan = pc.createAzurePlan(customer.id(), requestId);
    assertThat(plan.isAzurePlan()).isTrue();
    assertThat(plan.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(pc.createAzurePlan(customer.id(), requestId)).as("the same request again buys nothing more").isEqualTo(plan);
    assertThat(pc.getSubscriptions(customer.id())).containsExactly(plan);
    assertThatThrownBy(() -> pc.createAzurePlan(customer.id(), UUID.randomUUID().toString()))
        .as("a customer has one Azure plan")
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> assertThat(e.code()).isEqualTo("800002"));

    AzureEntitlement azure = pc.getAzureEntitlements(customer.id(), plan.id()).get(0);
    assertThat(azure.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(pc.getRegistrationStatus(customer.id(), azure.subscriptionId())).isEqualTo(RegistrationStatus.NOT_REGISTERED);
    pc.registerForReservations(customer.id(), azure.subscriptionId());
    pc.registerForReservations(customer.id(), azure.subscriptionId());
    // Registration takes a while at Microsoft; the test configuration makes it instant.
    assertThat(pc.getRegistrationStatus(customer.id(), azure.subscriptionId())).isEqualTo(RegistrationStatus.REGISTERED);
    assertThatThrownBy(() -> pc.registerForReservations(customer.id(), UUID.randomUUID().toString()))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> assertThat(e.code()).isEqualTo("800011"));
  }

  @Test
  void sellsReservationSkusWithTheirTermsBillingPlansAndListPrices() {
    List<ReservationSku> skus = catalog();
    assertThat(skus).hasSizeGreaterThan(5_000);
    ReservationSku e16s = sku("Standard_E16s_v5", "westus", "P1Y");
    assertThat(e16s.type()).isEqualTo(ReservationType.VIRTUAL_MACHINES);
    assertThat(e16s.productId()).isEqualTo("DZH318Z096SR");
    assertThat(e16s.vmSize().vCpus()).isEqualTo(16);
    assertThat(e16s.regionDisplayName()).isEqualTo("US West");
    assertThat(e16s.listPrice()).isEqualByComparingTo(new BigDecimal("6054"));
    assertThat(e16s.currency()).isEqualTo("USD");
    assertThat(e16s.billingPlans()).containsExactlyInAnyOrder(BillingPlan.UPFRONT, BillingPlan.MONTHLY);
    assertThat(e16s.minimumQuantity()).isEqualTo(1);
    assertThat(sku("Standard_E16s_v5", "westus", "P3Y").listPrice()).isEqualByComparingTo(new BigDecimal("11626"));
    assertThat(skus).anySatisfy(s -> assertThat(s.type()).isEqualTo(ReservationType.SQL_DATABASE));
    assertThat(skus).anySatisfy(s -> assertThat(s.type()).isEqualTo(ReservationType.COSMOS_DB));
    assertThat(skus).filteredOn(s -> s.termDuration().equals("P5Y")).isNotEmpty()
        .allSatisfy(s -> assertThat(s.vmSize().family()).isEqualTo("HBv2"));
  }

  @Test
  void givesThePurchasableCatalogItemOfASku() {
    ReservationSku d4s = sku("Standard_D4s_v5", "westeurope", "P3Y");
    Availability availability = partnerCenter().getAvailability("US", d4s.productId(), d4s.skuId());
    assertThat(availability.catalogItemId()).startsWith(d4s.productId() + ":" + d4s.skuId() + ":").hasSize(d4s.key().length() + 13);
    assertThat(availability.isPurchasable()).isTrue();
    assertThat(availability.terms()).contains("P3Y");
    assertThat(partnerCenter().getAvailability("DE", d4s.productId(), d4s.skuId()).defaultCurrency()).isEqualTo("EUR");
  }

  @Test
  void checksInventory_oneAnswerPerSkuInTheOrderAsked_withTheReason() {
    Customer contoso = customer("Contoso Ltd");
    String subscription = azureSubscription(contoso);
    ReservationSku closed = sku("Standard_D4s_v3", "westeurope", "P3Y");
    ReservationSku open = sku("Standard_D4s_v5", "westeurope", "P3Y");
    List<InventoryResult> results = partnerCenter().checkInventory("US", new InventoryContext(contoso.id(), subscription, "westeurope"),
        List.of(closed.key(), open.key()));
    assertThat(results).hasSize(2);
    assertThat(results.get(0).key()).isEqualTo(closed.key());
    assertThat(results.get(0).isRestricted()).isTrue();
    assertThat(results.get(0).restrictions()).singleElement().satisfies(r -> {
      assertThat(r.reasonCode()).isEqualTo("NotAvailableForSubscription");
      assertThat(r.description()).startsWith("Dsv3 capacity in EU West is closed");
    });
    assertThat(results.get(1).key()).isEqualTo(open.key());
    assertThat(results.get(1).isRestricted()).isFalse();
  }

  @Test
  void cartToOrders_oneOrderPerBillingCycle_andTheSameRequestIdNeverOrdersTwice() {
    PartnerCenter pc = partnerCenter();
    Customer tailspin = customer("Tailspin Toys");
    String subscription = azureSubscription(tailspin);
    CartRequest request = new CartRequest(List.of(
        line(0, sku("Standard_D4s_v5", "westeurope", "P3Y"), 2, BillingPlan.UPFRONT, subscription, ACTIVE_RESELLER),
        line(1, sku("Standard_E16s_v5", "westus", "P1Y"), 1, BillingPlan.MONTHLY, subscription, ACTIVE_RESELLER)), true);

    Cart cart = pc.createCart(tailspin.id(), request);
    assertThat(cart.id()).isNotBlank();
    assertThat(cart.expirationTimestamp()).isBetween(Instant.now().plus(Duration.ofDays(6)), Instant.now().plus(Duration.ofDays(8)));
    assertThat(cart.lineItems()).hasSize(2).allSatisfy(l -> {
      assertThat(l.resellerMpnId()).isEqualTo(ACTIVE_RESELLER);
      assertThat(l.provisioningContext().subscriptionId()).isEqualTo(subscription);
    });
    assertThat(cart.lineItems().get(0).quantity()).isEqualTo(2);

    String requestId = UUID.randomUUID().toString();
    CheckoutResult result = pc.checkout(tailspin.id(), cart.id(), requestId);
    assertThat(result.orderErrors()).isEmpty();
    assertThat(result.orders()).hasSize(2);
    Order upfront = result.orders().stream().filter(o -> o.billingCycle().equals("one_time")).findFirst().orElseThrow();
    assertThat(upfront.id()).hasSize(33);
    assertThat(upfront.status()).isEqualTo("pending");
    assertThat(upfront.currencyCode()).isEqualTo("USD");
    assertThat(upfront.referenceCustomerId()).isEqualTo(tailspin.id());
    assertThat(upfront.lineItems()).singleElement().satisfies(l -> {
      assertThat(l.offerId()).isEqualTo(cart.lineItems().get(0).catalogItemId());
      assertThat(l.quantity()).isEqualTo(2);
      assertThat(l.termDuration()).isEqualTo("P3Y");
      assertThat(l.partnerIdOnRecord()).isEqualTo(ACTIVE_RESELLER);
      assertThat(l.provisioningContext()).isEqualTo(new ProvisioningContext(subscription, "shared", "3Years"));
    });
    assertThat(pc.getOrder(tailspin.id(), upfront.id())).hasValueSatisfying(o -> {
      assertThat(o.lineItems()).isEqualTo(upfront.lineItems());
      assertThat(o.billingCycle()).isEqualTo("one_time");
    });
    assertThat(pc.getOrder(tailspin.id(), "no-such-order")).isEmpty();

    assertThatThrownBy(() -> pc.checkout(tailspin.id(), cart.id(), UUID.randomUUID().toString()))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> assertThat(e.code()).isEqualTo("800065"));
    // After a lost answer the caller builds a new cart and checks it out with the same request id.
    Cart again = pc.createCart(tailspin.id(), request);
    assertThat(pc.checkout(tailspin.id(), again.id(), requestId).orders()).extracting(Order::id)
        .containsExactlyInAnyOrderElementsOf(result.orders().stream().map(Order::id).toList());
  }

  @Test
  void updatingACartReplacesItsLines() {
    PartnerCenter pc = partnerCenter();
    Customer contoso = customer("Contoso Ltd");
    String subscription = azureSubscription(contoso);
    Cart cart = pc.createCart(contoso.id(), new CartRequest(List.of(
        line(0, sku("Standard_D4s_v5", "eastus", "P1Y"), 1, BillingPlan.UPFRONT, subscription, null)), false));
    Cart updated = pc.updateCart(contoso.id(), cart.id(), new CartRequest(List.of(
        line(0, sku("Standard_D8s_v5", "eastus", "P1Y"), 3, BillingPlan.UPFRONT, subscription, null)), false));
    assertThat(updated.id()).isEqualTo(cart.id());
    assertThat(updated.lineItems()).singleElement().satisfies(l -> {
      assertThat(l.quantity()).isEqualTo(3);
      assertThat(l.catalogItemId()).startsWith(sku("Standard_D8s_v5", "eastus", "P1Y").key());
    });
    Order order = pc.checkout(contoso.id(), cart.id(), UUID.randomUUID().toString()).orders().get(0);
    assertThat(order.lineItems()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(3));
    assertThatThrownBy(() -> pc.updateCart(contoso.id(), cart.id(), new CartRequest(List.of(
        line(0, sku("Standard_D8s_v5", "eastus", "P1Y"), 1, BillingPlan.UPFRONT, subscription, null)), false)))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> assertThat(e.code()).isEqualTo("800065"));
  }

  @Test
  void refusesWhatPartnerCenterRefuses_withItsErrorCodes() {
    PartnerCenter pc = partnerCenter();
    Customer contoso = customer("Contoso Ltd");
    String subscription = azureSubscription(contoso);
    ReservationSku d4s = sku("Standard_D4s_v5", "westeurope", "P3Y");
    assertRefused("800010", () -> pc.createCart(contoso.id(), new CartRequest(List.of(
        line(0, sku("Standard_D4s_v3", "westeurope", "P3Y"), 1, BillingPlan.UPFRONT, subscription, null)), false)));
    assertRefused("800017", () -> pc.createCart(contoso.id(), new CartRequest(List.of(
        line(0, d4s, 0, BillingPlan.UPFRONT, subscription, null)), false)));
    assertRefused("10001", () -> pc.createCart(contoso.id(), new CartRequest(List.of(new CartLineItem(0, "DZH318Z0XXXX:0000:DZH318Z0XXXX",
        1, "one_time", "P3Y", new ProvisioningContext(subscription, "shared", "3Years"), null)), false)));
    assertRefused("800016", () -> pc.createCart(contoso.id(), new CartRequest(List.of(
        line(0, d4s, 1, BillingPlan.UPFRONT, subscription, TERMINATED_RESELLER)), true)));
    assertRefused("800011", () -> pc.createCart(contoso.id(), new CartRequest(List.of(
        line(0, d4s, 1, BillingPlan.UPFRONT, UUID.randomUUID().toString(), null)), false)));
    assertRefused("600026", () -> pc.createCart(UUID.randomUUID().toString(), new CartRequest(List.of(
        line(0, d4s, 1, BillingPlan.UPFRONT, subscription, null)), false)));

    Customer newCustomer = unusedCustomerWithoutSubscription();
    Subscription plan = pc.createAzurePlan(newCustomer.id(), UUID.randomUUID().toString());
    String unregistered = pc.getAzureEntitlements(newCustomer.id(), plan.id()).get(0).subscriptionId();
    assertRefused("800030", () -> pc.createCart(newCustomer.id(), new CartRequest(List.of(
        line(0, d4s, 1, BillingPlan.UPFRONT, unregistered, null)), false)));
  }

  @Test
  void givesTheSavingsPlanAvailability_withItsMinimumHourlyCommitment_inTheMarketsCurrency() {
    PartnerCenter pc = partnerCenter();
    Availability oneYear = pc.getAvailability("US", SavingsPlanProduct.PRODUCT_ID, "0001");
    assertThat(oneYear.catalogItemId()).startsWith("DZH318Z09V6F:0001:").hasSize(30);
    assertThat(oneYear.productId()).isEqualTo(SavingsPlanProduct.PRODUCT_ID);
    assertThat(oneYear.skuId()).isEqualTo("0001");
    assertThat(oneYear.isPurchasable()).isTrue();
    assertThat(oneYear.defaultCurrency()).isEqualTo("USD");
    assertThat(oneYear.terms()).containsExactly("P1Y");
    assertThat(oneYear.minimumPurchaseCommitment()).satisfies(minimum -> {
      assertThat(minimum.amount()).isEqualByComparingTo("0.001");
      assertThat(minimum.grain()).isEqualTo(PurchaseCommitment.HOURLY);
      assertThat(minimum.currencyCode()).isEqualTo("USD");
    });

    Availability threeYearsInGermany = pc.getAvailability("DE", SavingsPlanProduct.PRODUCT_ID, "0002");
    assertThat(threeYearsInGermany.catalogItemId()).startsWith("DZH318Z09V6F:0002:");
    assertThat(threeYearsInGermany.terms()).containsExactly("P3Y");
    assertThat(threeYearsInGermany.defaultCurrency()).isEqualTo("EUR");
    assertThat(threeYearsInGermany.minimumPurchaseCommitment().currencyCode()).isEqualTo("EUR");

    assertRefused("600010", () -> pc.getAvailability("US", SavingsPlanProduct.PRODUCT_ID, "0005"));
    ReservationSku d4s = sku("Standard_D4s_v5", "westeurope", "P3Y");
    assertThat(pc.getAvailability("US", d4s.productId(), d4s.skuId()).minimumPurchaseCommitment()).as("a reservation has none").isNull();
  }

  @Test
  void buysAThreeYearSharedSavingsPlanUpfront_besideAReservation_andTheSameRequestIdNeverOrdersTwice() {
    PartnerCenter pc = partnerCenter();
    Customer contoso = customer("Contoso Ltd");
    Subscription plan = azurePlan(contoso);
    PurchaseCommitment commitment = PurchaseCommitment.hourly(new BigDecimal("2.5"), "USD");
    CartLineItem savingsPlan = savingsPlanLine(0, Term.THREE_YEARS, BillingPlan.UPFRONT,
        ProvisioningContext.savingsPlan(Scope.SHARED, plan.id()), commitment, null);
    CartRequest request = new CartRequest(List.of(savingsPlan,
        line(1, sku("Standard_D4s_v5", "eastus", "P3Y"), 2, BillingPlan.UPFRONT, azureSubscription(contoso), null)), false);

    Cart cart = pc.createCart(contoso.id(), request);
    assertThat(cart.lineItems()).hasSize(2);
    assertThat(cart.lineItems().get(0)).satisfies(l -> {
      assertThat(l.isSavingsPlan()).isTrue();
      assertThat(l.catalogItemId()).isEqualTo(savingsPlan.catalogItemId());
      assertThat(l.quantity()).isEqualTo(1);
      assertThat(l.termDuration()).isEqualTo("P3Y");
      assertThat(l.purchaseCommitment()).isEqualTo(commitment);
      assertThat(l.provisioningContext()).isEqualTo(new ProvisioningContext(plan.id(), "shared", null));
    });
    assertThat(cart.lineItems().get(1).purchaseCommitment()).isNull();

    String requestId = UUID.randomUUID().toString();
    CheckoutResult result = pc.checkout(contoso.id(), cart.id(), requestId);
    assertThat(result.orderErrors()).isEmpty();
    Order order = result.orders().stream().filter(o -> o.lineItems().stream().anyMatch(l -> l.purchaseCommitment() != null))
        .findFirst().orElseThrow();
    assertThat(order.billingCycle()).isEqualTo("one_time");
    assertThat(order.currencyCode()).isEqualTo("USD");
    assertThat(order.lineItems()).filteredOn(l -> l.offerId().equals(savingsPlan.catalogItemId())).singleElement().satisfies(l -> {
      assertThat(l.quantity()).isEqualTo(1);
      assertThat(l.termDuration()).isEqualTo("P3Y");
      assertThat(l.purchaseCommitment()).isEqualTo(commitment);
      assertThat(l.provisioningContext()).isEqualTo(new ProvisioningContext(plan.id(), "shared", null));
      assertThat(l.partnerIdOnRecord()).isNull();
    });
    assertThat(result.orders()).flatExtracting(Order::lineItems).filteredOn(l -> !l.offerId().equals(savingsPlan.catalogItemId()))
        .singleElement().satisfies(l -> assertThat(l.purchaseCommitment()).as("the reservation's").isNull());
    assertThat(pc.getOrder(contoso.id(), order.id())).hasValueSatisfying(o -> assertThat(o.lineItems()).isEqualTo(order.lineItems()));

    // After a lost answer the caller builds a new cart and checks it out with the same request id.
    Cart again = pc.createCart(contoso.id(), request);
    assertThat(pc.checkout(contoso.id(), again.id(), requestId).orders()).extracting(Order::id)
        .containsExactlyInAnyOrderElementsOf(result.orders().stream().map(Order::id).toList());
    assertRefused("800065", () -> pc.checkout(contoso.id(), cart.id(), UUID.randomUUID().toString()));
  }

  @Test
  void buysAOneYearSingleScopeSavingsPlanMonthly_forAnAzureSubscriptionOfTheCustomer_throughItsReseller() {
    PartnerCenter pc = partnerCenter();
    Customer tailspin = customer("Tailspin Toys");
    AzureEntitlement azure = pc.getAzureEntitlements(tailspin.id(), azurePlan(tailspin).id()).get(0);
    Cart cart = pc.createCart(tailspin.id(), new CartRequest(List.of(
        line(0, sku("Standard_B2s", "eastus", "P1Y"), 1, BillingPlan.UPFRONT, azure.subscriptionId(), ACTIVE_RESELLER)), true));
    PurchaseCommitment commitment = PurchaseCommitment.hourly(new BigDecimal("0.0125"), "USD");
    ProvisioningContext single = ProvisioningContext.savingsPlan(Scope.SINGLE, azure.id());

    Cart updated = pc.updateCart(tailspin.id(), cart.id(), new CartRequest(List.of(
        savingsPlanLine(0, Term.ONE_YEAR, BillingPlan.MONTHLY, single, commitment, ACTIVE_RESELLER)), true));
    assertThat(updated.lineItems()).singleElement().satisfies(l -> {
      assertThat(l.purchaseCommitment()).isEqualTo(commitment);
      assertThat(l.provisioningContext()).isEqualTo(single);
      assertThat(l.billingCycle()).isEqualTo("monthly");
      assertThat(l.resellerMpnId()).isEqualTo(ACTIVE_RESELLER);
    });

    CheckoutResult result = pc.checkout(tailspin.id(), cart.id(), UUID.randomUUID().toString());
    assertThat(result.orderErrors()).isEmpty();
    Order order = result.orders().get(0);
    assertThat(result.orders()).hasSize(1);
    assertThat(order.billingCycle()).isEqualTo("monthly");
    assertThat(order.lineItems()).singleElement().satisfies(l -> {
      assertThat(l.offerId()).startsWith("DZH318Z09V6F:0001:");
      assertThat(l.termDuration()).isEqualTo("P1Y");
      assertThat(l.quantity()).isEqualTo(1);
      assertThat(l.purchaseCommitment()).isEqualTo(commitment);
      assertThat(l.provisioningContext()).isEqualTo(new ProvisioningContext(azure.id(), "single", null));
      assertThat(l.partnerIdOnRecord()).isEqualTo(ACTIVE_RESELLER);
    });
    assertThat(pc.getOrder(tailspin.id(), order.id())).hasValueSatisfying(o -> assertThat(o.lineItems()).isEqualTo(order.lineItems()));
  }

  @Test
  void refusesSavingsPlanLinesAsPartnerCenterWould_withItsErrorCodes() {
    PartnerCenter pc = partnerCenter();
    Customer contoso = customer("Contoso Ltd");
    Subscription plan = azurePlan(contoso);
    AzureEntitlement azure = pc.getAzureEntitlements(contoso.id(), plan.id()).get(0);
    ProvisioningContext shared = ProvisioningContext.savingsPlan(Scope.SHARED, plan.id());
    PurchaseCommitment oneDollar = PurchaseCommitment.hourly(BigDecimal.ONE, "USD");

    // The commitment: missing, not positive, below the minimum, too precise, in another currency, not hourly.
    for (String amount : List.of("0.0005", "0", "-1", "1.00005")) {
      assertRefused("10006", () -> createSavingsPlanCart(contoso, shared, PurchaseCommitment.hourly(new BigDecimal(amount), "USD")));
    }
    assertRefused("10006", () -> createSavingsPlanCart(contoso, shared, null));
    assertRefused("10000", () -> createSavingsPlanCart(contoso, shared, PurchaseCommitment.hourly(BigDecimal.ONE, "EUR")));
    assertRefused("800002", () -> createSavingsPlanCart(contoso, shared, new PurchaseCommitment(BigDecimal.ONE, "daily", "USD")));

    // The line: one unit, the SKU's term, a billing cycle Partner Center knows, no reservation duration, a known SKU.
    CartLineItem good = savingsPlanLine(0, Term.THREE_YEARS, BillingPlan.UPFRONT, shared, oneDollar, null);
    assertRefused("800017", () -> createCart(contoso, new CartLineItem(0, good.catalogItemId(), 2, "one_time", "P3Y", shared, null, oneDollar)));
    assertRefused("800009", () -> createCart(contoso, new CartLineItem(0, good.catalogItemId(), 1, "one_time", "P1Y", shared, null, oneDollar)));
    assertRefused("800009", () -> createCart(contoso, new CartLineItem(0, good.catalogItemId(), 1, "annual", "P3Y", shared, null, oneDollar)));
    assertRefused("800002", () -> createCart(contoso, new CartLineItem(0, good.catalogItemId(), 1, "one_time", "P3Y",
        new ProvisioningContext(plan.id(), "shared", "3Years"), null, oneDollar)));
    assertRefused("10001", () -> createCart(contoso, new CartLineItem(0, "DZH318Z09V6F:0003:DZH318Z0XXXX", 1, "one_time", "P3Y", shared,
        null, oneDollar)));
    CartLineItem reservation = line(0, sku("Standard_D4s_v5", "eastus", "P3Y"), 1, BillingPlan.UPFRONT, azure.subscriptionId(), null);
    assertRefused("800002", () -> createCart(contoso, new CartLineItem(0, reservation.catalogItemId(), 1, "one_time", "P3Y",
        reservation.provisioningContext(), null, oneDollar)));

    // The scope's id: shared names the customer's Azure plan, single one of its Azure subscriptions.
    assertRefused("800021", () -> createSavingsPlanCart(contoso, ProvisioningContext.savingsPlan(Scope.SHARED, azure.subscriptionId()), oneDollar));
    assertRefused("800011", () -> createSavingsPlanCart(contoso, ProvisioningContext.savingsPlan(Scope.SINGLE, plan.id()), oneDollar));
    Customer tailspin = customer("Tailspin Toys");
    Subscription othersPlan = azurePlan(tailspin);
    assertRefused("800021", () -> createSavingsPlanCart(contoso, ProvisioningContext.savingsPlan(Scope.SHARED, othersPlan.id()), oneDollar));
    assertRefused("800011", () -> createSavingsPlanCart(contoso, ProvisioningContext.savingsPlan(Scope.SINGLE,
        pc.getAzureEntitlements(tailspin.id(), othersPlan.id()).get(0).id()), oneDollar));
    assertRefused("800002", () -> createSavingsPlanCart(contoso, new ProvisioningContext(plan.id(), "everywhere", null), oneDollar));

    // A customer with only a legacy CSP Azure offer has no Azure plan to buy a savings plan under.
    Customer wideWorld = customer("Wide World Importers");
    Subscription legacy = pc.getSubscriptions(wideWorld.id()).get(0);
    assertThat(legacy.isLegacyAzureOffer()).isTrue();
    assertThat(legacy.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    PurchaseCommitment euros = PurchaseCommitment.hourly(BigDecimal.ONE, "EUR");
    assertRefused("800021", () -> createSavingsPlanCart(wideWorld, ProvisioningContext.savingsPlan(Scope.SHARED, legacy.id()), euros));
    assertRefused("800011", () -> createSavingsPlanCart(wideWorld, ProvisioningContext.savingsPlan(Scope.SINGLE, legacy.id()), euros));

    assertThat(pc.createCart(contoso.id(), new CartRequest(List.of(good), false)).lineItems()).as("the same line, right")
        .singleElement().satisfies(l -> assertThat(l.purchaseCommitment()).isEqualTo(oneDollar));
  }

  @Test
  void listsTheIndirectResellersWithTheirState() {
    List<Reseller> resellers = partnerCenter().getIndirectResellers();
    assertThat(resellers).extracting(Reseller::mpnId).contains(ACTIVE_RESELLER, TERMINATED_RESELLER);
    assertThat(resellers).filteredOn(r -> r.mpnId().equals(ACTIVE_RESELLER)).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("Tailspin Cloud Services");
      assertThat(r.isActive()).isTrue();
    });
    assertThat(resellers).filteredOn(r -> r.mpnId().equals(TERMINATED_RESELLER)).singleElement()
        .satisfies(r -> assertThat(r.isActive()).isFalse());
  }

  private static void assertRefused(String code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(PartnerCenterException.class, e -> {
      assertThat(e.code()).isEqualTo(code);
      assertThat(e).isNotInstanceOf(PartnerCenterUnavailableException.class);
    });
  }

  protected Customer customer(String companyName) {
    return partnerCenter().searchCustomers(CustomerSearchField.COMPANY_NAME, companyName, 5).stream()
        .filter(c -> c.companyName().equals(companyName)).findFirst().orElseThrow();
  }

  /** A demo customer without any subscription that no other test of the class has used. */
  protected synchronized Customer unusedCustomerWithoutSubscription() {
    if (unusedCustomersWithoutSubscription.isEmpty()) {
      for (Customer c : partnerCenter().searchCustomers(CustomerSearchField.COMPANY_NAME, "", 10_000)) {
        if (!Set.of("Fabrikam Inc").contains(c.companyName()) && partnerCenter().getSubscriptions(c.id()).isEmpty()) {
          unusedCustomersWithoutSubscription.add(c);
        }
      }
    }
    return unusedCustomersWithoutSubscription.remove(0);
  }

  private Cart createSavingsPlanCart(Customer customer, ProvisioningContext context, PurchaseCommitment commitment) {
    return createCart(customer, savingsPlanLine(0, Term.THREE_YEARS, BillingPlan.UPFRONT, context, commitment, null));
  }

  private Cart createCart(Customer customer, CartLineItem line) {
    return partnerCenter().createCart(customer.id(), new CartRequest(List.of(line), line.resellerMpnId() != null));
  }

  /** One savings plan of the term, on the availability Partner Center names right now. */
  protected CartLineItem savingsPlanLine(int id, Term term, BillingPlan plan, ProvisioningContext context, PurchaseCommitment commitment,
      String reseller) {
    Availability availability = partnerCenter().getAvailability("US", SavingsPlanProduct.PRODUCT_ID, SavingsPlanProduct.skuId(term));
    return new CartLineItem(id, availability.catalogItemId(), 1, plan.billingCycle(), term.iso(), context, reseller, commitment);
  }

  protected Subscription azurePlan(Customer customer) {
    return partnerCenter().getSubscriptions(customer.id()).stream().filter(Subscription::isAzurePlan).findFirst().orElseThrow();
  }

  protected String azureSubscription(Customer customer) {
    Subscription plan = partnerCenter().getSubscriptions(customer.id()).stream().filter(Subscription::isAzurePlan).findFirst().orElseThrow();
    return partnerCenter().getAzureEntitlements(customer.id(), plan.id()).get(0).subscriptionId();
  }

  protected List<ReservationSku> catalog() {
    if (catalog == null) {
      catalog = partnerCenter().getReservationSkus("US");
    }
    return catalog;
  }

  protected ReservationSku sku(String armSkuName, String region, String term) {
    return catalog().stream().filter(s -> s.vmSize() != null && s.vmSize().armSkuName().equals(armSkuName)
        && s.armRegionName().equals(region) && s.termDuration().equals(term)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No SKU " + armSkuName + " " + region + " " + term));
  }

  protected CartLineItem line(int id, ReservationSku sku, long quantity, BillingPlan plan, String subscription, String reseller) {
    Availability availability = partnerCenter().getAvailability("US", sku.productId(), sku.skuId());
    return new CartLineItem(id, availability.catalogItemId(), quantity, plan.billingCycle(), sku.termDuration(),
        new ProvisioningContext(subscription, "shared", ProvisioningContext.durationOf(sku.termDuration())), reseller);
  }
}
