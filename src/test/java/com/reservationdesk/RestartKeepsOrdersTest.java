package com.reservationdesk;

import static com.reservationdesk.process.purchase.FormValues.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.catalog.CatalogFilter;
import com.reservationdesk.order.OrderPlacement;
import com.reservationdesk.order.OrderService;
import com.reservationdesk.order.PlacedOrder;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.subscription.SubscriptionService;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The default H2 database lives on disk: a restart keeps every order and the demo data is not seeded twice. */
@Tag("own-engine")
class RestartKeepsOrdersTest {

  @TempDir Path dataDir;

  @Test
  void anOrderPlacedBeforeARestartIsStillThereAfterIt() {
    String orderId;
    String customerId;
    int customerCount;
    try (ConfigurableApplicationContext app = start()) {
      PartnerCenter partnerCenter = app.getBean(PartnerCenter.class);
      PurchaseService purchases = app.getBean(PurchaseService.class);
      customerId = partnerCenter.searchCustomers(CustomerSearchField.DOMAIN, "contoso.onmicrosoft.com", 1).get(0).id();
      customerCount = partnerCenter.searchCustomers(CustomerSearchField.COMPANY_NAME, "", 10_000).size();
      String subscription = app.getBean(SubscriptionService.class).eligibleSubscriptions(customerId).get(0).subscriptionId();
      String purchaseId = TestPurchases.open(purchases, customerId, subscription, "alice");
      var offer = purchases.findOffers(purchaseId, CatalogFilter.vm("westeurope", "D4s_v5", "P3Y", BillingPlan.UPFRONT)).offers().get(0);
      purchases.addLine(purchaseId, offer.reference(), billingPlan("upfront"), number(4));
      purchases.readyToOrder(purchaseId, scope("shared"), "4847383", "alice");
      OrderPlacement placement = app.getBean(OrderService.class).placeOrder(purchaseId);
      orderId = placement.orders().get(0).orderId();
    }
    try (ConfigurableApplicationContext app = start()) {
      PlacedOrder order = app.getBean(OrderService.class).order(orderId).orElseThrow();
      assertThat(order.customerId()).isEqualTo(customerId);
      assertThat(order.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(4));
      assertThat(app.getBean(PartnerCenter.class).getOrder(customerId, orderId)).isPresent();
      assertThat(app.getBean(PartnerCenter.class).searchCustomers(CustomerSearchField.COMPANY_NAME, "", 10_000))
          .hasSize(customerCount);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(ReservationDeskApplication.class).run(
        "--server.port=0",
        "--reservation-desk.data-dir=" + dataDir,
        "--camunda.bpm.job-execution.enabled=false",
        // Camunda keeps engines in a static registry by name: do not replace the shared test context's "default".
        "--camunda.bpm.process-engine-name=restart-test");
  }
}
