package com.reservationdesk.reservation.embedded;

import static com.reservationdesk.partnercenter.embedded.PartnerCenterIds.guid;

import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.PartnerProperties;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.partnercenter.embedded.DemoDataSeeder;
import com.reservationdesk.partnercenter.embedded.EmbeddedPartnerCenterDatabase;
import com.reservationdesk.partnercenter.embedded.EmbeddedReservationOrders;
import com.reservationdesk.partnercenter.pricelist.RetailPriceList;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo customers' reservations into an empty {@code pc_reservation_order} only (a database seeded before
 * reservations existed gets them too; later changes are kept), after the demo customers ({@link DemoDataSeeder}). Dates
 * are relative to the clock at seeding, so a new demo always has one reservation expiring next month and one expired.
 * The README's "Reservations owned" table says what each teaches. Their Partner Center order ids are fixed ids of orders
 * placed before the embedded Partner Center's order history, which does not list them.
 */
@Component
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "embedded", matchIfMissing = true)
public class DemoReservationSeeder implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(DemoReservationSeeder.class);

  /**
   * A demo reservation: customer by domain, single scope by subscription name (null: shared), bought {@code daysAgo}.
   */
  record Demo(String domain, String size, String region, long quantity, Term term, BillingPlan plan, String singleScope, int daysAgo,
      boolean renew, String teaches) {}

  static final List<Demo> RESERVATIONS = List.of(
      new Demo("woodgroveconsulting.onmicrosoft.com", "Standard_D4s_v5", "eastus2", 6, Term.THREE_YEARS, BillingPlan.MONTHLY, null, 200,
          true, "Well used: its 6 D4s_v5 run under it around the clock (about 99 %)"),
      new Demo("prosewarehealth.onmicrosoft.com", "Standard_E8s_v5", "eastus", 8, Term.ONE_YEAR, BillingPlan.UPFRONT,
          "Proseware Health Production", 300, false, "Under-used: 8 reserved, 2 still run (about 25 %)"),
      new Demo("treyenergy.onmicrosoft.com", "Standard_E16s_v5", "westus", 4, Term.ONE_YEAR, BillingPlan.UPFRONT, null, 365 - 25, false,
          "Expires in 25 days, not set to renew: time to decide"),
      new Demo("lucernebank.onmicrosoft.com", "Standard_D8s_v5", "centralus", 2, Term.ONE_YEAR, BillingPlan.MONTHLY,
          "Lucerne Bank Production", 365 + 40, false, "Expired 40 days ago: its VMs run at pay-as-you-go prices again"));

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final PartnerProperties partner;
  private final RetailPriceList catalog;
  private final Clock clock;

  /** Takes the demo data seeder so that it runs after it: the reservations refer to its customers. */
  public DemoReservationSeeder(@Qualifier(EmbeddedPartnerCenterDatabase.QUALIFIER) JdbcTemplate jdbc,
      @Qualifier(EmbeddedPartnerCenterDatabase.QUALIFIER) PlatformTransactionManager transactions, PartnerProperties partner,
      RetailPriceList catalog, Clock clock, DemoDataSeeder customersFirst) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.partner = partner;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() {
    if (!partner.seedDemoData()) {
      return;
    }
    transaction.executeWithoutResult(status -> {
      Integer existing = jdbc.queryForObject("select count(*) from pc_reservation_order", Integer.class);
      if (existing == null || existing == 0) {
        EmbeddedReservationOrders.insertAll(jdbc, RESERVATIONS.stream().map(this::row).toList());
        log.info("Embedded Partner Center: {} demo reservations", RESERVATIONS.size());
      }
    });
  }

  private EmbeddedReservationOrders.Row row(Demo demo) {
    String key = demo.domain() + "/" + demo.size() + "/" + demo.region();
    ReservationSku sku = catalog.skus().stream()
        .filter(s -> s.type() == ReservationType.VIRTUAL_MACHINES && s.vmSize().armSkuName().equals(demo.size())
            && s.armRegionName().equals(demo.region()) && s.termDuration().equals(demo.term().iso()))
        .findFirst().orElseThrow(() -> new IllegalStateException("The demo catalog sells no " + key + " " + demo.term().iso()));
    LocalDate purchased = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(demo.daysAgo());
    Instant purchasedAt = purchased.atTime(9, 30).toInstant(ZoneOffset.UTC);
    UUID reservationId = UUID.fromString(guid("demo-reservation:" + key));
    String partnerCenterOrderId = ("D" + guid("demo-order:" + key).replace("-", "")).substring(0, 33);
    return new EmbeddedReservationOrders.Row(guid("demo-reservation-order:" + key), reservationId.toString(),
        DemoDataSeeder.customerId(demo.domain()), partnerCenterOrderId, 0, sku.productId(), sku.skuId(), demo.size(), demo.region(),
        demo.quantity(), demo.term(), demo.plan(), purchasedAt, demo.singleScope() != null,
        demo.singleScope() == null ? null : DemoDataSeeder.azureSubscriptionId(demo.domain(), demo.singleScope()), demo.renew(),
        "Succeeded", reservationId.getMostSignificantBits(), null);
  }
}
