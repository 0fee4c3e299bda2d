package com.reservationdesk.reservation;

import static com.reservationdesk.partnercenter.embedded.PartnerCenterIds.guid;

import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.partnercenter.embedded.EmbeddedReservationOrders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an embedded Partner Center's tables (a {@link StandaloneEmbeddedReservations}, or the app's database in embedded
 * mode) with many customers and their reservations, fast, for benchmarks of the partner-wide listing and of utilization:
 * JDBC batches of {@value #BATCH} rows, one transaction a batch, so 5,000 customers × 20 reservations take seconds on H2.
 *
 * <p>Each customer ({@code Bulk Customer 00001} …, domain {@code bulk00001.onmicrosoft.com}) gets an active Azure plan with
 * one active Azure subscription ({@code Bulk Customer 00001 Production}), and {@code reservationsPerCustomer}
 * reservations of VM sizes and regions the demo catalog sells, 1 or 3 years, bought up to 3 years before the clock (so
 * some have expired), half shared, half single-scoped to that subscription. No customer gets usage profiles, so their
 * utilization is the seeded pattern (README, "Reservations owned"). Ids derive from {@code seed}: the same call on a fresh
 * database makes the same data; two calls with different seeds add up.
 */
public final class ReservationBulkSeed {

  static final int BATCH = 1_000;
  private static final String[][] SIZES = {
    {"Standard_D4s_v5", "eastus"}, {"Standard_D8s_v5", "westeurope"}, {"Standard_E8s_v5", "eastus"}, {"Standard_E16s_v5", "westus"},
    {"Standard_D2s_v5", "westeurope"}, {"Standard_F8s_v2", "northeurope"}, {"Standard_D16s_v5", "eastus2"}, {"Standard_E4s_v5", "uksouth"}
  };

  /** What was seeded: the customers' ids in order, and how long it took. */
  public record Seeded(List<String> customerIds, int reservations, Duration took) {}

  private ReservationBulkSeed() {}

  /**
   * @param dataSource the embedded Partner Center's database (migrated to V9 or later)
   * @param customers how many customers to add
   * @param reservationsPerCustomer how many reservations each gets
   * @param seed where ids, sizes and dates come from
   * @param clock purchase dates reach back from its day
   */
  public static Seeded seed(DataSource dataSource, int customers, int reservationsPerCustomer, long seed, Clock clock) {
    long started = System.nanoTime();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    SplittableRandom random = new SplittableRandom(seed);
    Instant now = clock.instant();
    OffsetDateTime created = now.atOffset(ZoneOffset.UTC);
    List<String> customerIds = new ArrayList<>(customers);
    List<Object[]> customerRows = new ArrayList<>();
    List<Object[]> planRows = new ArrayList<>();
    List<Object[]> subscriptionRows = new ArrayList<>();
    List<EmbeddedReservationOrders.Row> reservations = new ArrayList<>();
    int total = 0;
    for (int c = 1; c <= customers; c++) {
      String number = String.format("%05d", c);
      String name = "Bulk Customer " + number + (seed == 0 ? "" : " (" + seed + ")");
      String customerId = guid("bulk-customer:" + seed + ":" + c);
      String planId = guid("bulk-plan:" + customerId);
      String subscriptionId = guid("bulk-azure:" + customerId);
      customerIds.add(customerId);
      customerRows.add(new Object[] {customerId, name, name.toLowerCase(), "bulk" + number + (seed == 0 ? "" : "-" + seed) + ".onmicrosoft.com",
        "US", "en-US", "reseller", null});
      planRows.add(new Object[] {planId, customerId, Subscription.AZURE_PLAN_PRODUCT_ID + ":0001", "Azure plan", "Azure plan", "active", false,
        null, created});
      subscriptionRows.add(new Object[] {guid("bulk-entitlement:" + customerId), planId, subscriptionId, name + " Production", "active"});
      for (int r = 0; r < reservationsPerCustomer; r++) {
        String[] size = SIZES[random.nextInt(SIZES.length)];
        Term term = random.nextInt(3) == 0 ? Term.THREE_YEARS : Term.ONE_YEAR;
        Instant purchasedAt = now.minus(Duration.ofHours(random.nextLong(24L * 365 * 3)));
        boolean single = random.nextBoolean();
        UUID reservationId = UUID.fromString(guid("bulk-reservation:" + customerId + ":" + r));
        reservations.add(new EmbeddedReservationOrders.Row(guid("bulk-reservation-order:" + customerId + ":" + r), reservationId.toString(),
            customerId, ("B" + guid("bulk-order:" + customerId + ":" + r).replace("-", "")).substring(0, 33), 0, "DZH318Z0BULK", "0001",
            size[0], size[1], 1 + random.nextInt(20), term, random.nextBoolean() ? BillingPlan.MONTHLY : BillingPlan.UPFRONT, purchasedAt,
            single, single ? subscriptionId : null, random.nextInt(4) == 0, "Succeeded", reservationId.getMostSignificantBits(), null));
        total++;
      }
      if (customerRows.size() >= BATCH / 4 || reservations.size() >= BATCH || c == customers) {
        flush(jdbc, transaction, customerRows, planRows, subscriptionRows, reservations);
      }
    }
    return new Seeded(customerIds, total, Duration.ofNanos(System.nanoTime() - started));
  }

  private static void flush(JdbcTemplate jdbc, TransactionTemplate transaction, List<Object[]> customers, List<Object[]> plans,
      List<Object[]> subscriptions, List<EmbeddedReservationOrders.Row> reservations) {
    transaction.executeWithoutResult(status -> {
      jdbc.batchUpdate("""
          insert into pc_customer (id, company_name, company_name_lower, domain, country, culture, relationship_to_partner,
                                   associated_partner_id) values (?, ?, ?, ?, ?, ?, ?, ?)""", customers);
      jdbc.batchUpdate("""
          insert into pc_subscription (id, customer_id, offer_id, offer_name, friendly_name, status, is_trial, partner_id, created_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", plans);
      jdbc.batchUpdate("insert into pc_azure_entitlement (id, plan_id, subscription_id, friendly_name, status) values (?, ?, ?, ?, ?)",
          subscriptions);
      EmbeddedReservationOrders.insertAll(jdbc, reservations);
    });
    customers.clear();
    plans.clear();
    subscriptions.clear();
    reservations.clear();
  }
}
