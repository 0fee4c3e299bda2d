package com.reservationdesk.usage.embedded;

import static com.reservationdesk.partnercenter.embedded.UsagePattern.ROTATING;
import static com.reservationdesk.partnercenter.embedded.UsagePattern.STEADY;
import static com.reservationdesk.partnercenter.embedded.UsagePattern.TREND;
import static com.reservationdesk.partnercenter.embedded.UsagePattern.WEEKDAY_PEAKS;

import com.reservationdesk.partnercenter.PartnerProperties;
import com.reservationdesk.partnercenter.embedded.DemoDataSeeder;
import com.reservationdesk.partnercenter.embedded.EmbeddedPartnerCenterDatabase;
import com.reservationdesk.partnercenter.embedded.UsagePattern;
import java.nio.charset.StandardCharsets;
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
 * Seeds the demo usage profiles and which customers' Azure tenants the partner may read, each into an empty table
 * only, so a database seeded before usage existed gets them too and later changes are kept. Every profile is on a
 * size and region of the demo catalog; the customers and subscriptions are the demo data's ({@link DemoDataSeeder}).
 * The README's "Usage" table says what each teaches.
 */
@Component
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "embedded", matchIfMissing = true)
public class UsageProfileSeeder implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(UsageProfileSeeder.class);

  static final String CONTOSO = "contoso.onmicrosoft.com";
  static final String ADVENTURE_WORKS = "adventureworks.onmicrosoft.com";
  static final String TAILSPIN = "tailspintoys.onmicrosoft.com";
  /** Generated customers (DemoDataSeeder's list) with an active Azure plan and a "… Production" Azure subscription. */
  static final String PROSEWARE_HEALTH = "prosewarehealth.onmicrosoft.com";
  static final String WOODGROVE_CONSULTING = "woodgroveconsulting.onmicrosoft.com";
  static final String FOURTH_COFFEE_LOGISTICS = "fourthcoffeelogistics.onmicrosoft.com";

  /** A profile as written here: customer by domain, subscription by name. */
  private record Demo(String domain, String subscription, String region, String size, UsagePattern pattern, double instances,
      double peakInstances, double coveredInstances, int slot, double noise, String teaches) {}

  private static final List<Demo> PROFILES = List.of(
      new Demo(CONTOSO, "Contoso Production", "westeurope", "Standard_D4s_v5", STEADY, 8, 0, 0, 0, 0.02,
          "Steady: with the D2s_v5 beside it, one Dsv5 reservation after instance size flexibility"),
      new Demo(CONTOSO, "Contoso Production", "westeurope", "Standard_D2s_v5", STEADY, 4, 0, 0, 0, 0.02,
          "Steady, in the same flexibility group as the D4s_v5: the two are normalized together"),
      new Demo(CONTOSO, "Contoso Production", "westeurope", "Standard_NC6s_v3", STEADY, 2, 0, 0, 0, 0.02,
          "Worth reserving, but this subscription may not buy NC-series (restricted); Azure recommends it anyway"),
      new Demo(ADVENTURE_WORKS, "Adventure Works Production", "germanywestcentral", "Standard_D8s_v5", WEEKDAY_PEAKS, 4, 20, 0, 0,
          0.05, "Spiky: a base of 4 and weekday daytime peaks to 20; reserve the base, leave the peaks to pay-as-you-go"),
      new Demo(ADVENTURE_WORKS, "Adventure Works Development", "germanywestcentral", "Standard_M8ms", STEADY, 1, 0, 0, 0, 0.02,
          "M-series in a development subscription, which may not buy it (restricted): buy it with shared scope from Production"),
      new Demo(TAILSPIN, "Tailspin Toys Azure", "eastus", "Standard_E4s_v5", TREND, 2, 10, 0, 0, 0.03,
          "Growing from 2 to 10 over 60 days: the look-back decides how many"),
      new Demo(PROSEWARE_HEALTH, "Proseware Health Production", "eastus", "Standard_D16s_v5", TREND, 12, 3, 0, 0, 0.03,
          "Shrinking from 12 to 3 over 60 days: a long look-back would buy for instances that are gone"),
      new Demo(PROSEWARE_HEALTH, "Proseware Health Production", "eastus", "Standard_E8s_v5", STEADY, 2, 0, 8, 0, 0.03,
          "Under its reservation: 8 × E8s_v5 reserved, 2 still run, so the reservation is used about a quarter"),
      new Demo(WOODGROVE_CONSULTING, "Woodgrove Consulting Production", "eastus2", "Standard_D4s_v5", STEADY, 6, 0, 6, 0, 0.02,
          "Already covered by its reservations: usage, but nothing left to buy"),
      new Demo(FOURTH_COFFEE_LOGISTICS, "Fourth Coffee Logistics Production", "uksouth", "Standard_D8s_v5", ROTATING, 6, 0, 0, 0,
          0.03, "Moves between sizes and regions every 4 days: no reservation is used enough, a savings plan is"),
      new Demo(FOURTH_COFFEE_LOGISTICS, "Fourth Coffee Logistics Production", "westeurope", "Standard_E8s_v5", ROTATING, 5, 0, 0, 1,
          0.03, "Second turn of the rotating workload"),
      new Demo(FOURTH_COFFEE_LOGISTICS, "Fourth Coffee Logistics Production", "northeurope", "Standard_F8s_v2", ROTATING, 7, 0, 0, 2,
          0.03, "Third turn of the rotating workload"));

  /** Customers whose Azure tenant the demo partner may read: Azure's own recommendations appear for them. */
  private static final List<String> AZURE_TENANT_ACCESS = List.of(CONTOSO, TAILSPIN);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final PartnerProperties partner;

  public UsageProfileSeeder(@Qualifier(EmbeddedPartnerCenterDatabase.QUALIFIER) JdbcTemplate jdbc,
      @Qualifier(EmbeddedPartnerCenterDatabase.QUALIFIER) PlatformTransactionManager transactions, PartnerProperties partner) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.partner = partner;
  }

  @Override
  public void afterPropertiesSet() {
    if (!partner.seedDemoData()) {
      return;
    }
    transaction.executeWithoutResult(status -> {
      if (isEmpty("pc_usage_profile")) {
        jdbc.batchUpdate("""
            insert into pc_usage_profile (id, customer_id, azure_subscription_id, arm_region_name, arm_sku_name, pattern, instances,
                                          peak_instances, covered_instances, rotation_slot, noise, seed, teaches)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", PROFILES.stream().map(UsageProfileSeeder::row).toList());
        log.info("Embedded Partner Center: {} demo usage profiles", PROFILES.size());
      }
      if (isEmpty("pc_azure_tenant_access")) {
        jdbc.batchUpdate("insert into pc_azure_tenant_access (customer_id, granted_by) values (?, ?)", AZURE_TENANT_ACCESS.stream()
            .map(domain -> new Object[] {DemoDataSeeder.customerId(domain), "Demo: admin relationship with the Azure Reader role"})
            .toList());
      }
    });
  }

  private boolean isEmpty(String table) {
    Integer rows = jdbc.queryForObject("select count(*) from " + table, Integer.class);
    return rows == null || rows == 0;
  }

  private static Object[] row(Demo demo) {
    String key = demo.domain() + "/" + demo.subscription() + "/" + demo.region() + "/" + demo.size();
    UUID id = UUID.nameUUIDFromBytes(("usage:" + key).getBytes(StandardCharsets.UTF_8));
    return new Object[] {id.toString(), DemoDataSeeder.customerId(demo.domain()),
      DemoDataSeeder.azureSubscriptionId(demo.domain(), demo.subscription()), demo.region(), demo.size(), demo.pattern().name(),
      demo.instances(), demo.peakInstances(), demo.coveredInstances(), demo.slot(), demo.noise(), id.getMostSignificantBits(),
      demo.teaches()};
  }
}
