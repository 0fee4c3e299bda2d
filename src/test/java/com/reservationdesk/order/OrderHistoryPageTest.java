package com.reservationdesk.order;

import static com.reservationdesk.process.purchase.FormValues.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.AppTest;
import com.reservationdesk.TestPurchases;
import com.reservationdesk.catalog.CatalogFilter;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.subscription.SubscriptionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@AppTest
class OrderHistoryPageTest {

  @Autowired TestRestTemplate rest;
  @Autowired PartnerCenter partnerCenter;
  @Autowired PurchaseService purchases;
  @Autowired SubscriptionService subscriptions;
  @Autowired OrderService orders;

  @Test
  void aCustomersOrdersAreListedNewestFirst_forTheSameUsersAsTasklist() {
    String customerId = partnerCenter.searchCustomers(CustomerSearchField.DOMAIN, "wideworldimporters.onmicrosoft.com", 1).get(0).id();
    String first = placeOrder(customerId, "Standard_D2s_v5", 1);
    String second = placeOrder(customerId, "Standard_E8s_v5", 3);

    assertThat(rest.getForEntity("/orders?customerId=" + customerId, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> page = rest.withBasicAuth("alice", "alice").getForEntity("/orders?customerId=" + customerId, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    String html = page.getBody();
    assertThat(html).contains("Order history of Wide World Importers").contains("3 \u00d7 Standard_E8s_v5 \u00b7 EU West \u00b7 3 years")
        .contains("Wingtip IT Partners (MPN 5123907)").contains("by alice").contains("\u20ac");
    assertThat(html.indexOf(second)).as("newest first").isPositive().isLessThan(html.indexOf(first));

    ResponseEntity<String> all = rest.withBasicAuth("bob", "bob").getForEntity("/orders", String.class);
    assertThat(all.getBody()).contains("Order history: all customers").contains(first).contains("Wide World Importers");
  }

  private String placeOrder(String customerId, String size, int quantity) {
    String subscription = subscriptions.eligibleSubscriptions(customerId).get(0).subscriptionId();
    String purchaseId = TestPurchases.open(purchases, customerId, subscription, "alice");
    String sku = purchases.findOffers(purchaseId, CatalogFilter.vm("westeurope", size, "P3Y", BillingPlan.UPFRONT)).offers().get(0)
        .reference();
    purchases.addLine(purchaseId, sku, billingPlan("upfront"), number(quantity));
    purchases.readyToOrder(purchaseId, scope("single"), "5123907", "alice");
    return orders.placeOrder(purchaseId).orders().get(0).orderId();
  }
}
