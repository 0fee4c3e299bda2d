package com.reservationdesk.partnercenter.embedded;

import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Term;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Azure reservation orders of the embedded Partner Center ({@code pc_reservation_order}, {@code pc_reservation}):
 * what Azure creates when Partner Center fulfils a reservation line, one order with one reservation (Azure splits a
 * reservation only when asked). Written by the embedded checkout, the demo seed and the benchmarks' bulk seed, all
 * through {@link #insert}; read by the embedded reservation inventory.
 */
public final class EmbeddedReservationOrders {

  /** Azure's default display name of a VM reservation: {@code VM_RI_11-30-2026_10-15}. */
  private static final DateTimeFormatter DISPLAY_NAME = DateTimeFormatter.ofPattern("'VM_RI_'MM-dd-yyyy_HH-mm", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  /**
   * A reservation order with its one reservation, as the tables hold it.
   *
   * @param appliedScope the subscription of a single scope; null for shared
   * @param seed what a reservation without demo usage takes its utilization pattern from
   */
  public record Row(String reservationOrderId, String reservationId, String customerId, String partnerCenterOrderId, int lineItemNumber,
      String productId, String skuId, String armSkuName, String armRegionName, long quantity, Term term, BillingPlan billingPlan,
      Instant purchasedAt, boolean single, String appliedScope, boolean renew, String provisioningState, long seed, String displayName) {

    /** The purchase day (UTC). */
    public LocalDate purchaseDate() {
      return purchasedAt.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The purchase day plus the term. */
    public LocalDate expiryDate() {
      return purchaseDate().plusMonths(term.months());
    }

    Object[] order() {
      return new Object[] {reservationOrderId, customerId, partnerCenterOrderId, lineItemNumber, productId, skuId, term.iso(),
        azureBillingPlan(billingPlan), purchaseDate(), expiryDate(), EmbeddedPartnerCenter.utc(purchasedAt)};
    }

    Object[] reservation() {
      return new Object[] {reservationId, reservationOrderId, customerId, displayName == null ? EmbeddedReservationOrders.displayName(purchasedAt) : displayName,
        armSkuName, armRegionName, quantity, single ? "Single" : "Shared", single ? appliedScope.toLowerCase(Locale.ROOT) : null, renew,
        provisioningState, seed};
    }
  }

  static final String INSERT_ORDER = """
      insert into pc_reservation_order (id, customer_id, pc_order_id, pc_line_item_number, product_id, sku_id, term_duration,
                                        billing_plan, purchase_date, expiry_date, created_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
  static final String INSERT_RESERVATION = """
      insert into pc_reservation (id, reservation_order_id, customer_id, display_name, arm_sku_name, arm_region_name, quantity,
                                  applied_scope_type, applied_scope, renew, provisioning_state, seed)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

  private EmbeddedReservationOrders() {}

  /** One order and its reservation, in the caller's transaction. */
  public static void insert(JdbcClient jdbc, Row row) {
    jdbc.sql(INSERT_ORDER).params(row.order()).update();
    jdbc.sql(INSERT_RESERVATION).params(row.reservation()).update();
  }

  /** Many at once, as JDBC batches: the demo seed and the benchmarks' bulk seed. */
  public static void insertAll(JdbcTemplate jdbc, List<Row> rows) {
    jdbc.batchUpdate(INSERT_ORDER, rows.stream().map(Row::order).toList());
    jdbc.batchUpdate(INSERT_RESERVATION, rows.stream().map(Row::reservation).toList());
  }

  /** {@code Upfront} or {@code Monthly}, as Azure writes a reservation's {@code billingPlan}. */
  public static String azureBillingPlan(BillingPlan plan) {
    return plan == BillingPlan.MONTHLY ? "Monthly" : "Upfront";
  }

  public static String displayName(Instant purchasedAt) {
    return DISPLAY_NAME.format(purchasedAt);
  }
}
