package com.reservationdesk.reservation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code owned_reservation} table: written by the sweep, read by the page and the watches. */
@Repository
public class ReservationRecords {

  /** Where a reservation without a figure sorts among the least used: after every percentage. */
  private static final BigDecimal NO_FIGURE = new BigDecimal("9999.9");

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public ReservationRecords(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** What a page of the reservations list asks for. */
  public record Query(String customerId, Integer expiringWithinDays, BigDecimal utilizationBelow, Sort sort, int limit,
      int offset) {}

  /** How the list is sorted: soonest expiry first, or least used first. */
  public enum Sort {
    EXPIRY("expiry_date, reservation_id"),
    UTILIZATION("utilization_sort, expiry_date, reservation_id"),
    CUSTOMER("customer_name, expiry_date, reservation_id");

    private final String orderBy;

    Sort(String orderBy) {
      this.orderBy = orderBy;
    }

    public static Sort of(String name) {
      return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(name == null ? "" : name.trim())).findFirst()
          .orElse(EXPIRY);
    }
  }

  /** Writes a page of the sweep: updates what is known, inserts what is new, in two batches. */
  void upsert(List<ReservationRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    int[] updated = template.batchUpdate("""
        update owned_reservation set reservation_order_id = ?, customer_id = ?, customer_name = ?, display_name = ?, arm_sku_name = ?,
          arm_region_name = ?, quantity = ?, scope_type = ?, scope_subscription = ?, term_duration = ?, billing_plan = ?, purchase_date = ?,
          expiry_date = ?, renew = ?, provisioning_state = ?, pc_order_id = ?, purchase_id = ?, bought_by = ?, utilization_7d = ?,
          utilization_30d = ?, utilization_days = ?, utilization_sort = ?, synced_at = ?
        where reservation_id = ?""", records.stream().map(r -> {
          Object[] values = values(r);
          Object[] shifted = new Object[values.length];
          System.arraycopy(values, 1, shifted, 0, values.length - 1);
          shifted[values.length - 1] = values[0];
          return shifted;
        }).toList());
    List<Object[]> inserts = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (updated[i] == 0) {
        inserts.add(values(records.get(i)));
      }
    }
    if (!inserts.isEmpty()) {
      template.batchUpdate("""
          insert into owned_reservation (reservation_id, reservation_order_id, customer_id, customer_name, display_name, arm_sku_name,
            arm_region_name, quantity, scope_type, scope_subscription, term_duration, billing_plan, purchase_date, expiry_date, renew,
            provisioning_state, pc_order_id, purchase_id, bought_by, utilization_7d, utilization_30d, utilization_days, utilization_sort,
            synced_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
    }
  }

  private static Object[] values(ReservationRecord r) {
    return new Object[] {r.reservationId(), r.reservationOrderId(), r.customerId(), r.customerName(), r.displayName(), r.armSkuName(),
      r.armRegionName(), r.quantity(), r.scopeType().name(), r.scopeSubscription(), r.termDuration(), r.billingPlan(), r.purchaseDate(),
      r.expiryDate(), r.renew(), r.provisioningState(), r.partnerCenterOrderId(), r.purchaseId(), r.boughtBy(), r.utilization7d(),
      r.utilization30d(), days(r.utilizationDays()),
      r.utilization7d() == null ? NO_FIGURE : r.utilization7d(), OffsetDateTime.ofInstant(r.syncedAt(), ZoneOffset.UTC)};
  }

  public Optional<ReservationRecord> find(String reservationId) {
    return jdbc.sql("select * from owned_reservation where reservation_id = ?").param(reservationId).query(ReservationRecords::record)
        .optional();
  }

  /** A page of the list, filtered and sorted in the database (indexes on customer, expiry and utilization). */
  public List<ReservationRecord> list(Query query, LocalDate today) {
    StringBuilder sql = new StringBuilder("select * from owned_reservation where 1 = 1");
    List<Object> params = new ArrayList<>();
    where(query, today, sql, params);
    sql.append(" order by ").append(query.sort().orderBy).append(" limit ? offset ?");
    params.add(query.limit());
    params.add(query.offset());
    return jdbc.sql(sql.toString()).params(params).query(ReservationRecords::record).list();
  }

  public int count(Query query, LocalDate today) {
    StringBuilder sql = new StringBuilder("select count(*) from owned_reservation where 1 = 1");
    List<Object> params = new ArrayList<>();
    where(query, today, sql, params);
    return jdbc.sql(sql.toString()).params(params).query(Integer.class).single();
  }

  private static void where(Query query, LocalDate today, StringBuilder sql, List<Object> params) {
    if (query.customerId() != null) {
      sql.append(" and customer_id = ?");
      params.add(query.customerId());
    }
    if (query.expiringWithinDays() != null) {
      sql.append(" and expiry_date >= ? and expiry_date <= ?");
      params.add(today);
      params.add(today.plusDays(query.expiringWithinDays()));
    }
    if (query.utilizationBelow() != null) {
      sql.append(" and utilization_sort < ?");
      params.add(query.utilizationBelow());
    }
  }

  /**
   * In effect, in the sweep's order (by id after {@code afterId}), at least {@code minimumDays} old and used less than
   * {@code below} percent over 7 days: the candidates of the under-use watch, a page at a time.
   */
  List<ReservationRecord> usedBelow(BigDecimal below, LocalDate boughtBefore, String afterId, int limit) {
    return jdbc.sql("""
        select * from owned_reservation where reservation_id > ? and utilization_7d < ? and purchase_date <= ?
          and upper(provisioning_state) = 'SUCCEEDED' order by reservation_id limit ?""")
        .params(afterId == null ? "" : afterId, below, boughtBefore, limit).query(ReservationRecords::record).list();
  }

  void changeScope(String reservationId, AppliedScopeType type, String subscription) {
    jdbc.sql("update owned_reservation set scope_type = ?, scope_subscription = ? where reservation_id = ?")
        .params(type.name(), subscription, reservationId).update();
  }

  private static ReservationRecord record(ResultSet rs, int row) throws SQLException {
    String days = rs.getString("utilization_days");
    return new ReservationRecord(rs.getString("reservation_id"), rs.getString("reservation_order_id"), rs.getString("customer_id"),
        rs.getString("customer_name"), rs.getString("display_name"), rs.getString("arm_sku_name"), rs.getString("arm_region_name"),
        rs.getLong("quantity"), AppliedScopeType.valueOf(rs.getString("scope_type")), rs.getString("scope_subscription"),
        rs.getString("term_duration"), rs.getString("billing_plan"), rs.getObject("purchase_date", LocalDate.class),
        rs.getObject("expiry_date", LocalDate.class), rs.getBoolean("renew"), rs.getString("provisioning_state"),
        rs.getString("pc_order_id"), rs.getString("purchase_id"), rs.getString("bought_by"), rs.getBigDecimal("utilization_7d"),
        rs.getBigDecimal("utilization_30d"), days == null || days.isEmpty() ? List.of()
            : Arrays.stream(days.split(",")).map(Double::valueOf).toList(),
        rs.getObject("synced_at", OffsetDateTime.class).toInstant());
  }

  private static String days(List<Double> days) {
    return days.stream().map(d -> String.format(Locale.ROOT, "%.1f", d)).collect(Collectors.joining(","));
  }
}
