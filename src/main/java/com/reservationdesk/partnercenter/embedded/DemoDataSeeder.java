package com.reservationdesk.partnercenter.embedded;

import static com.reservationdesk.partnercenter.embedded.EmbeddedPartnerCenter.utc;
import static com.reservationdesk.partnercenter.embedded.PartnerCenterIds.guid;

import com.reservationdesk.partnercenter.PartnerProperties;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.pricelist.RetailPriceList;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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
 * Fills the embedded Partner Center on first start: resellers, 240+ customers (every case an agent
 * meets: one Azure plan, no subscription, only a suspended one, two Azure subscriptions, customers
 * of indirect resellers) and inventory restrictions. The catalog is a file ({@link RetailPriceList}). Deterministic, so every machine shows
 * the same demo.
 */
@Component
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "embedded", matchIfMissing = true)
public class DemoDataSeeder implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

  static final String RESELLER_TAILSPIN_MPN = "4847383";
  static final String RESELLER_WINGTIP_MPN = "5123907";
  static final String RESELLER_INACTIVE_MPN = "6020114";

  private static final String[] COMPANY_WORDS = {
    "Alpine", "Blue Yonder", "Coho", "Datum", "Litware", "Lucerne", "Margie's", "Munson's", "Proseware", "Relecloud",
    "Southridge", "Trey", "VanArsdel", "Woodgrove", "Bellows", "Consolidated", "Humongous", "Graphic Design", "Nod",
    "Fourth Coffee", "Lamna", "Best For You", "Wingtip", "School of Fine Art", "Baldwin", "Boulder", "Cascade", "Pinnacle"
  };
  private static final String[] COMPANY_KINDS = {
    "Airlines", "Bank", "Consulting", "Energy", "Health", "Logistics", "Media", "Retail", "Software"
  };
  private static final String[][] COUNTRIES = {
    {"US", "en-US"}, {"GB", "en-GB"}, {"DE", "de-DE"}, {"FR", "fr-FR"}, {"NL", "nl-NL"}, {"SE", "sv-SE"},
    {"JP", "ja-JP"}, {"AU", "en-AU"}, {"CA", "en-CA"}
  };

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final PartnerProperties partner;
  private final Clock clock;

  public DemoDataSeeder(@Qualifier(EmbeddedPartnerCenterDatabase.QUALIFIER) JdbcTemplate jdbc,
      @Qualifier(EmbeddedPartnerCenterDatabase.QUALIFIER) PlatformTransactionManager transactions, PartnerProperties partner,
      Clock clock) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.partner = partner;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() {
    if (!partner.seedDemoData()) {
      return;
    }
    transaction.executeWithoutResult(status -> {
      Integer customers = jdbc.queryForObject("select count(*) from pc_customer", Integer.class);
      if (customers == null || customers == 0) {
        seed();
      }
      seedRestrictions();
    });
  }

  private void seed() {
    Instant now = clock.instant();
    seedResellers();
    List<Object[]> customerRows = new ArrayList<>();
    List<Object[]> subscriptionRows = new ArrayList<>();
    List<Object[]> entitlementRows = new ArrayList<>();
    Seed seed = new Seed(customerRows, subscriptionRows, entitlementRows, now);

    // The cases an agent meets, under names that each match exactly one customer.
    seed.customer("Contoso Ltd", "contoso.onmicrosoft.com", "US", "en-US", null).azurePlan("active", "Contoso Production");
    seed.customer("Fabrikam Inc", "fabrikam.onmicrosoft.com", "US", "en-US", null);
    seed.customer("Northwind Traders", "northwindtraders.onmicrosoft.com", "GB", "en-GB", null)
        .legacyAzure("suspended", "Northwind CSP Azure");
    seed.customer("Adventure Works Cycles", "adventureworks.onmicrosoft.com", "DE", "de-DE", null)
        .azurePlan("active", "Adventure Works Production", "Adventure Works Development")
        .office365("active");
    seed.customer("Tailspin Toys", "tailspintoys.onmicrosoft.com", "US", "en-US", guid("reseller:" + RESELLER_TAILSPIN_MPN))
        .azurePlan("active", "Tailspin Toys Azure");
    seed.customer("Wide World Importers", "wideworldimporters.onmicrosoft.com", "NL", "nl-NL",
            guid("reseller:" + RESELLER_WINGTIP_MPN))
        .legacyAzure("active", "Wide World Importers CSP Azure");

    // 250 more so that search means something; several share a first word ("Litware …").
    Random random = new Random(42);
    for (String word : COMPANY_WORDS) {
      for (String kind : COMPANY_KINDS) {
        String name = word + " " + kind;
        String domain = (word + kind).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + ".onmicrosoft.com";
        String[] country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        String reseller = switch (random.nextInt(5)) {
          case 0 -> guid("reseller:" + RESELLER_TAILSPIN_MPN);
          case 1 -> guid("reseller:" + RESELLER_WINGTIP_MPN);
          default -> null;
        };
        Seed.CustomerSeed customer = seed.customer(name, domain, country[0], country[1], reseller);
        int kindOfSubscription = random.nextInt(10);
        if (kindOfSubscription < 6) {
          customer.azurePlan("active", name + " Production");
        } else if (kindOfSubscription < 8) {
          customer.azurePlan("active", name + " Production", name + " Test");
        } else if (kindOfSubscription == 8) {
          customer.legacyAzure("active", name + " Azure");
        }
        if (random.nextInt(3) == 0) {
          customer.office365("active");
        }
      }
    }
    jdbc.batchUpdate("""
        insert into pc_customer (id, company_name, company_name_lower, domain, country, culture, relationship_to_partner,
                                 associated_partner_id)
        values (?, ?, ?, ?, ?, ?, ?, ?)""", customerRows);
    jdbc.batchUpdate("""
        insert into pc_subscription (id, customer_id, offer_id, offer_name, friendly_name, status, is_trial, partner_id,
                                     created_at)
        values (?, ?, ?, ?, ?, ?, false, ?, ?)""", subscriptionRows);
    jdbc.batchUpdate("insert into pc_azure_entitlement (id, plan_id, subscription_id, friendly_name, status) values (?, ?, ?, ?, ?)",
        entitlementRows);
    log.info("Embedded Partner Center seeded with demo data: {} customers, {} subscriptions",
        customerRows.size(), subscriptionRows.size());
  }

  private void seedResellers() {
    List<Object[]> rows = List.of(
        new Object[] {guid("reseller:" + RESELLER_TAILSPIN_MPN), "Tailspin Cloud Services", RESELLER_TAILSPIN_MPN, "Active", "US"},
        new Object[] {guid("reseller:" + RESELLER_WINGTIP_MPN), "Wingtip IT Partners", RESELLER_WINGTIP_MPN, "Active", "NL"},
        new Object[] {guid("reseller:5550201"), "Lamna Solutions", "5550201", "Active", "DE"},
        new Object[] {guid("reseller:" + RESELLER_INACTIVE_MPN), "Former Reseller GmbH", RESELLER_INACTIVE_MPN, "Terminated", "DE"});
    jdbc.batchUpdate("insert into pc_reseller (id, name, mpn_id, state, location) values (?, ?, ?, ?, ?)", rows);
  }

  /**
   * What the demo's inventory check refuses, so agents meet restricted SKUs: one for everyone in a
   * region, some for one subscription. Seeded on its own, so a database seeded earlier gets it too.
   */
  private void seedRestrictions() {
    Integer existing = jdbc.queryForObject("select count(*) from pc_sku_restriction", Integer.class);
    if (existing != null && existing > 0) {
      return;
    }
    String contosoProduction = azureSubscriptionId("contoso.onmicrosoft.com", "Contoso Production");
    String adventureWorksDevelopment = azureSubscriptionId("adventureworks.onmicrosoft.com", "Adventure Works Development");
    List<Object[]> rows = List.of(
        new Object[] {guid("restriction:d4sv3-westeurope"), null, "westeurope", "Standard_D4s_v3", "NotAvailableForSubscription",
          "Dsv3 capacity in EU West is closed to new reservations. Choose a Dsv5 size such as Standard_D4s_v5, or another region."},
        new Object[] {guid("restriction:hb-switzerlandnorth"), null, "switzerlandnorth", "Standard_HB*", "NotAvailableForSubscription",
          "HBv2 capacity in CH North is only open to approved HPC customers. Choose another region."},
        new Object[] {guid("restriction:contoso-gpu"), contosoProduction, null, "Standard_NC*", "NotAvailableForSubscription",
          "This subscription has no GPU (NC-series) quota. Request quota with an Azure support request, then buy the reservation."},
        new Object[] {guid("restriction:adventureworks-dev-m"), adventureWorksDevelopment, null, "Standard_M*", "QuotaId",
          "A development subscription cannot buy M-series reservations. Choose the production subscription."});
    jdbc.batchUpdate("""
        insert into pc_sku_restriction (id, azure_subscription_id, arm_region_name, sku_pattern, reason_code, description)
        values (?, ?, ?, ?, ?, ?)""", rows);
    log.info("Embedded Partner Center: {} demo inventory restrictions", rows.size());
  }

  /** The id (tenant id) the seed gives the customer of a domain; the embedded usage seeds its demo profiles by it. */
  public static String customerId(String customerDomain) {
    return guid("customer:" + customerDomain);
  }

  /** The id the seed gives the Azure subscription of an Azure plan. */
  public static String azureSubscriptionId(String customerDomain, String azureSubscriptionName) {
    String planId = guid("plan:" + customerId(customerDomain));
    return guid("azure:" + planId + azureSubscriptionName);
  }

  /** Collects rows for the batch inserts. */
  private record Seed(List<Object[]> customers, List<Object[]> subscriptions, List<Object[]> entitlements, Instant now) {

    CustomerSeed customer(String name, String domain, String country, String culture, String resellerPartnerId) {
      String id = customerId(domain);
      customers.add(new Object[] {id, name, name.toLowerCase(Locale.ROOT), domain, country, culture,
        resellerPartnerId == null ? "reseller" : "indirect_reseller", resellerPartnerId});
      return new CustomerSeed(this, id, resellerPartnerId);
    }

    record CustomerSeed(Seed seed, String customerId, String partnerId) {

      CustomerSeed azurePlan(String status, String... azureSubscriptionNames) {
        String planId = guid("plan:" + customerId);
        subscription(planId, Subscription.AZURE_PLAN_PRODUCT_ID + ":0001", "Azure plan", "Azure plan", status);
        for (String azureName : azureSubscriptionNames) {
          seed.entitlements.add(new Object[] {guid("entitlement:" + planId + azureName), planId,
            guid("azure:" + planId + azureName), azureName, status});
        }
        return this;
      }

      CustomerSeed legacyAzure(String status, String friendlyName) {
        subscription(guid("legacy:" + customerId), Subscription.LEGACY_AZURE_OFFER_ID, "Microsoft Azure", friendlyName, status);
        return this;
      }

      CustomerSeed office365(String status) {
        subscription(guid("m365:" + customerId), "CFQ7TTC0LH18:0001", "Microsoft 365 Business Basic",
            "Microsoft 365 Business Basic", status);
        return this;
      }

      private void subscription(String id, String offerId, String offerName, String friendlyName, String status) {
        seed.subscriptions.add(new Object[] {id, customerId, offerId, offerName, friendlyName, status, partnerId, utc(seed.now)});
      }
    }
  }
}
