package com.reservationdesk.purchase;

import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code purchase} and {@code purchase_line} tables. Anyone may read them; only this package writes them,
 * the status only through {@link PurchaseLifecycle}.
 */
@Repository
public class PurchaseRepository {

  private final JdbcClient jdbc;

  public PurchaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new purchase, a draft until its customer and subscription are chosen. */
  void insertDraft(String purchaseId, String processInstanceId, String createdBy, Instant now) {
    jdbc.sql("""
        insert into purchase (id, process_instance_id, status, created_by, created_at, updated_at)
        values (?, ?, 'DRAFT', ?, ?, ?)""")
        .params(purchaseId, processInstanceId, createdBy, utc(now), utc(now))
        .update();
  }

  /** Sets the customer of the process instance's purchase while it is a draft; how many rows changed (0 or 1). */
  int chooseCustomerOfDraft(String processInstanceId, String customerId, String customerName, String country,
      String currency, Instant now) {
    return jdbc.sql("""
        update purchase set customer_id = ?, customer_name = ?, customer_country = ?, currency = ?, updated_at = ?
        where process_instance_id = ? and status = 'DRAFT'""")
        .params(customerId, customerName, country, currency, utc(now), processInstanceId)
        .update();
  }

  /** The subscription is chosen: the cart opens. */
  void open(String purchaseId, String subscriptionId, String subscriptionName, Instant now) {
    jdbc.sql("update purchase set subscription_id = ?, subscription_name = ?, status = 'OPEN', updated_at = ? where id = ?")
        .params(subscriptionId, subscriptionName, utc(now), purchaseId)
        .update();
  }

  public Optional<Purchase> find(String purchaseId) {
    return jdbc.sql("select * from purchase where id = ?").param(purchaseId).query(this::purchase).optional();
  }

  /** The purchase a process instance works on: its process instance is the key no agent can change. */
  public Optional<Purchase> findByProcess(String processInstanceId) {
    return jdbc.sql("select * from purchase where process_instance_id = ?").param(processInstanceId).query(this::purchase)
        .optional();
  }

  /** Reads the purchase and locks it, so two agents completing the same task cannot both change it. */
  public Optional<Purchase> lock(String purchaseId) {
    return jdbc.sql("select * from purchase where id = ? for update").param(purchaseId).query(this::purchase).optional();
  }

  /** Like {@link #lock}, found by the purchase's process instance. */
  public Optional<Purchase> lockByProcess(String processInstanceId) {
    return jdbc.sql("select * from purchase where process_instance_id = ? for update").param(processInstanceId)
        .query(this::purchase).optional();
  }

  /** A user's purchases, newest first. */
  public List<Purchase> createdBy(String user, int limit) {
    return jdbc.sql("select * from purchase where created_by = ? order by created_at desc, id limit ?").params(user, limit)
        .query(this::purchase).list();
  }

  public List<PurchaseLine> lines(String purchaseId) {
    return jdbc.sql("select * from purchase_line where purchase_id = ? and order_id is null order by line_no").param(purchaseId)
        .query(this::line).list();
  }

  /** Line numbers go on after ordered lines, which keep theirs. */
  public int nextLineNo(String purchaseId) {
    return jdbc.sql("select coalesce(max(line_no), 0) + 1 from purchase_line where purchase_id = ?").param(purchaseId)
        .query(Integer.class).single();
  }

  void insertLine(String purchaseId, PurchaseLine line) {
    jdbc.sql("""
        insert into purchase_line (purchase_id, line_no, product_id, sku_id, reservation_type, arm_sku_name, arm_region_name,
                                   region_display, term_duration, billing_plan, quantity, unit_price, currency, hourly_commitment)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(purchaseId, line.lineNo(), line.productId(), line.skuId(), line.type().name(), line.reservationName(), line.armRegionName(),
            line.regionDisplayName(), line.termDuration(), line.billingPlan().name(), line.quantity(),
            line.unitPrice().amount(), line.unitPrice().currency(), line.hourlyCommitment())
        .update();
  }

  void updateQuantity(String purchaseId, int lineNo, long quantity) {
    jdbc.sql("update purchase_line set quantity = ? where purchase_id = ? and line_no = ?")
        .params(quantity, purchaseId, lineNo).update();
  }

  void deleteLine(String purchaseId, int lineNo) {
    jdbc.sql("delete from purchase_line where purchase_id = ? and line_no = ?").params(purchaseId, lineNo).update();
  }

  void markOrdering(String purchaseId, String scope, String resellerMpnId, String resellerName, String requestId,
      String orderedBy, Instant now) {
    jdbc.sql("""
        update purchase set status = 'ORDERING', scope = ?, reseller_mpn_id = ?, reseller_name = ?, checkout_request_id = ?,
                            ordered_by = ?, waiting_for = null, updated_at = ?
        where id = ?""")
        .params(scope, resellerMpnId, resellerName, requestId, orderedBy, utc(now), purchaseId)
        .update();
  }

  public boolean hasOrderedLines(String purchaseId) {
    return jdbc.sql("select count(*) from purchase_line where purchase_id = ? and order_id is not null").param(purchaseId)
        .query(Integer.class).single() > 0;
  }

  /** Why the order waits for an approver (the approval table's reason), and that it does. */
  void recordApprovalReason(String purchaseId, String reason, String waitingFor, Instant now) {
    jdbc.sql("""
        update purchase set approval_reason = ?, decided_by = null, decided_at = null, rejection_reason = null, waiting_for = ?,
                            updated_at = ?
        where id = ?""")
        .params(reason, waitingFor, utc(now), purchaseId).update();
  }

  /** What an ordered purchase waits for, in a sentence; null when it waits for nothing. */
  void waitingFor(String purchaseId, String what, Instant now) {
    jdbc.sql("update purchase set waiting_for = ?, updated_at = ? where id = ?").params(what, utc(now), purchaseId).update();
  }

  /** An approver's decision; a null reason means approved. */
  void recordDecision(String purchaseId, String approver, String rejectionReason, Instant now) {
    jdbc.sql("update purchase set decided_by = ?, decided_at = ?, rejection_reason = ?, waiting_for = null, updated_at = ? where id = ?")
        .params(approver, utc(now), rejectionReason, utc(now), purchaseId).update();
  }

  /** A line Partner Center ordered leaves the cart; the order keeps it. */
  void markLineOrdered(String purchaseId, int lineNo, String orderId) {
    jdbc.sql("update purchase_line set order_id = ? where purchase_id = ? and line_no = ?").params(orderId, purchaseId, lineNo).update();
  }

  /** Back to the agent: the cart can change again, and the next buy gets a new request id. */
  void reopen(String purchaseId, String problem, Instant now) {
    jdbc.sql("""
        update purchase set status = 'OPEN', checkout_request_id = null, order_problem = ?, waiting_for = null, updated_at = ?
        where id = ?""")
        .params(problem, utc(now), purchaseId).update();
  }

  void updateStatus(String purchaseId, PurchaseStatus status, Instant now) {
    jdbc.sql("update purchase set status = ?, waiting_for = null, updated_at = ? where id = ?").params(status.name(), utc(now), purchaseId)
        .update();
  }

  private Purchase purchase(ResultSet rs, int row) throws SQLException {
    return new Purchase(rs.getString("id"), rs.getString("process_instance_id"), rs.getString("customer_id"),
        rs.getString("customer_name"), rs.getString("customer_country"), rs.getString("subscription_id"),
        rs.getString("subscription_name"), PurchaseStatus.valueOf(rs.getString("status")), rs.getString("currency"),
        Scope.of(rs.getString("scope")).orElse(null), rs.getString("reseller_mpn_id"), rs.getString("reseller_name"), rs.getString("checkout_request_id"),
        rs.getString("created_by"), rs.getString("ordered_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("approval_reason"), rs.getString("decided_by"), rs.getString("rejection_reason"),
        rs.getString("waiting_for"), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  private PurchaseLine line(ResultSet rs, int row) throws SQLException {
    return new PurchaseLine(rs.getInt("line_no"), rs.getString("product_id"), rs.getString("sku_id"),
        ReservationType.valueOf(rs.getString("reservation_type")), rs.getString("arm_sku_name"), rs.getString("arm_region_name"), rs.getString("region_display"),
        rs.getString("term_duration"), BillingPlan.valueOf(rs.getString("billing_plan")), rs.getLong("quantity"),
        new Money(rs.getBigDecimal("unit_price"), rs.getString("currency")), rs.getBigDecimal("hourly_commitment"));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
