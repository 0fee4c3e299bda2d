package com.reservationdesk.order;

import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code placed_order} and {@code placed_order_line} tables. */
@Repository
public class OrderRepository {

  private final JdbcClient jdbc;

  public OrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(PlacedOrder order) {
    jdbc.sql("""
        insert into placed_order (order_id, purchase_id, customer_id, customer_name, subscription_id, scope, reseller_mpn_id,
                                  reseller_name, billing_cycle, status, currency, total, placed_by, placed_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(order.orderId(), order.purchaseId(), order.customerId(), order.customerName(), order.subscriptionId(),
            order.scope().apiName(), order.resellerMpnId(), order.resellerName(), order.billingCycle(), order.status(),
            order.total().currency(), order.total().amount(), order.placedBy(), order.placedAt().atOffset(ZoneOffset.UTC))
        .update();
    for (PlacedOrder.Line line : order.lines()) {
      jdbc.sql("""
          insert into placed_order_line (order_id, line_no, product_id, sku_id, arm_sku_name, arm_region_name, region_display,
                                         term_duration, billing_plan, quantity, unit_price, line_total, hourly_commitment)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(order.orderId(), line.lineNo(), line.productId(), line.skuId(), line.armSkuName(), line.armRegionName(),
              line.regionDisplayName(), line.termDuration(), line.billingPlan().formValue(), line.quantity(), line.unitPrice().amount(),
              line.lineTotal().amount(), line.hourlyCommitment())
          .update();
    }
  }

  /** Who placed each of these Partner Center orders and for which purchase: those Reservation Desk placed, by order id. */
  public java.util.Map<String, Placement> placements(java.util.Collection<String> orderIds) {
    java.util.Map<String, Placement> placements = new java.util.HashMap<>();
    if (orderIds.isEmpty()) {
      return placements;
    }
    jdbc.sql("select order_id, purchase_id, placed_by from placed_order where order_id in (:ids)").param("ids", orderIds)
        .query((rs, row) -> new Placement(rs.getString("order_id"), rs.getString("purchase_id"), rs.getString("placed_by")))
        .list().forEach(p -> placements.put(p.orderId(), p));
    return placements;
  }

  /** A Partner Center order Reservation Desk placed: for which purchase, by whom. */
  public record Placement(String orderId, String purchaseId, String placedBy) {}

  public Optional<PlacedOrder> find(String orderId) {
    return jdbc.sql("select * from placed_order where order_id = ?").param(orderId).query(this::header).optional()
        .map(this::withLines);
  }

  public List<PlacedOrder> ofPurchase(String purchaseId) {
    return jdbc.sql("select * from placed_order where purchase_id = ? order by placed_at, order_id").param(purchaseId)
        .query(this::header).list().stream().map(this::withLines).toList();
  }

  /** A customer's orders, newest first. */
  public List<PlacedOrder> ofCustomer(String customerId, int limit) {
    return jdbc.sql("select * from placed_order where customer_id = ? order by placed_at desc, order_id limit ?")
        .params(customerId, limit).query(this::header).list().stream().map(this::withLines).toList();
  }

  /** The newest orders of every customer. */
  public List<PlacedOrder> newest(int limit) {
    return jdbc.sql("select * from placed_order order by placed_at desc, order_id limit ?")
        .param(limit).query(this::header).list().stream().map(this::withLines).toList();
  }

  private PlacedOrder withLines(PlacedOrder header) {
    String currency = header.total().currency();
    List<PlacedOrder.Line> lines = jdbc.sql("select * from placed_order_line where order_id = ? order by line_no")
        .param(header.orderId())
        .query((rs, row) -> new PlacedOrder.Line(rs.getInt("line_no"), rs.getString("product_id"), rs.getString("sku_id"),
            rs.getString("arm_sku_name"), rs.getString("arm_region_name"), rs.getString("region_display"),
            rs.getString("term_duration"), BillingPlan.of(rs.getString("billing_plan")).orElseThrow(), rs.getLong("quantity"),
            new Money(rs.getBigDecimal("unit_price"), currency), new Money(rs.getBigDecimal("line_total"), currency),
            rs.getBigDecimal("hourly_commitment")))
        .list();
    return new PlacedOrder(header.orderId(), header.purchaseId(), header.customerId(), header.customerName(),
        header.subscriptionId(), header.scope(), header.resellerMpnId(), header.resellerName(), header.billingCycle(),
        header.status(), header.total(), header.placedBy(), header.placedAt(), lines);
  }

  private PlacedOrder header(ResultSet rs, int row) throws SQLException {
    return new PlacedOrder(rs.getString("order_id"), rs.getString("purchase_id"), rs.getString("customer_id"),
        rs.getString("customer_name"), rs.getString("subscription_id"), Scope.of(rs.getString("scope")).orElseThrow(), rs.getString("reseller_mpn_id"),
        rs.getString("reseller_name"), rs.getString("billing_cycle"), rs.getString("status"),
        new Money(rs.getBigDecimal("total"), rs.getString("currency")), rs.getString("placed_by"),
        rs.getObject("placed_at", OffsetDateTime.class).toInstant(), List.of());
  }
}
