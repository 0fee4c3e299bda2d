package com.reservationdesk.refund;

import com.reservationdesk.policy.RefundPolicy.Kind;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The tables {@code reservation_return}, {@code reservation_return_line} and {@code refund_budget_lock}. */
@Repository
class ReturnLedger {

  private final JdbcClient jdbc;
  private final TransactionTemplate separately;

  ReturnLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  void insert(String id, String processInstanceId, Kind kind, String customerId, String customerName, boolean counted, String startedBy,
      Instant now) {
    jdbc.sql("""
        insert into reservation_return (id, process_instance_id, kind, customer_id, customer_name, status, counted, started_by, created_at)
        values (?, ?, ?, ?, ?, 'CHOOSING', ?, ?, ?)""")
        .params(id, processInstanceId, kind.name(), customerId, customerName, counted, startedBy, utc(now)).update();
  }

  Optional<ReturnRequest> byProcess(String processInstanceId) {
    return jdbc.sql("select * from reservation_return where process_instance_id = ?").param(processInstanceId).query(this::request)
        .optional();
  }

  /** The returns that touched a reservation, newest first: what its row on the reservations page shows. */
  List<ReturnRequest> ofReservation(String reservationId) {
    return jdbc.sql("""
        select r.* from reservation_return r where r.id in (select l.return_id from reservation_return_line l where l.reservation_id = ?)
        order by r.created_at desc""").param(reservationId).query(this::request).list();
  }

  Optional<ReturnRequest> byPurchaseProcess(String purchaseProcessInstanceId) {
    return jdbc.sql("select * from reservation_return where purchase_process_instance_id = ?").param(purchaseProcessInstanceId)
        .query(this::request).optional();
  }

  void purchaseOpened(String id, String purchaseProcessInstanceId, String purchaseId) {
    jdbc.sql("update reservation_return set purchase_process_instance_id = ?, purchase_id = ? where id = ?")
        .params(purchaseProcessInstanceId, purchaseId, id).update();
  }

  void exchangeStarted(String id, String sessionId, String operationId) {
    jdbc.sql("update reservation_return set session_id = ?, operation_id = ?, status = 'RUNNING' where id = ?")
        .params(sessionId, operationId, id).update();
  }

  void replaceLines(String returnId, List<ReturnRequest.Line> lines) {
    jdbc.sql("delete from reservation_return_line where return_id = ?").param(returnId).update();
    for (ReturnRequest.Line l : lines) {
      jdbc.sql("""
          insert into reservation_return_line (return_id, line_number, reservation_order_id, reservation_id, summary, quantity, refund_amount,
            request_id, operation_id, status, problem) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(returnId, l.number(), l.reservationOrderId(), l.reservationId(), l.summary(), l.quantity(), l.refundAmount(), l.requestId(),
              l.operationId(), l.status(), l.problem()).update();
    }
  }

  void updateLine(String returnId, int number, BigDecimal refund, String operationId, String status, String problem) {
    jdbc.sql("""
        update reservation_return_line set refund_amount = coalesce(?, refund_amount), operation_id = coalesce(?, operation_id), status = ?,
          problem = ? where return_id = ? and line_number = ?""").params(refund, operationId, status, problem, returnId, number).update();
  }

  void quoted(String id, String reason, String currency, BigDecimal refund, BigDecimal refundUsd, BigDecimal purchaseTotal,
      BigDecimal netPayable, BigDecimal netPayableUsd, String sessionId) {
    jdbc.sql("""
        update reservation_return set status = 'QUOTED', reason = ?, currency = ?, refund_amount = ?, refund_usd = ?, purchase_total = ?,
          net_payable = ?, net_payable_usd = ?, session_id = ?, problem = null where id = ?""")
        .params(reason, currency, refund, refundUsd, purchaseTotal, netPayable, netPayableUsd, sessionId, id).update();
  }

  void status(String id, ReturnStatus status, String problem) {
    jdbc.sql("update reservation_return set status = ?, problem = ? where id = ?").params(status.name(), problem, id).update();
  }

  void submitted(String id, ReturnStatus status, String agent, String approvalReason, String requestId, Instant now) {
    jdbc.sql("""
        update reservation_return set status = ?, submitted_by = ?, approval_reason = ?, request_id = ?, submitted_at = ?, decided_by = null,
          rejection_reason = null, problem = null where id = ?""")
        .params(status.name(), agent, approvalReason, requestId, utc(now), id).update();
  }

  void decided(String id, ReturnStatus status, String approver, String rejection) {
    jdbc.sql("update reservation_return set status = ?, decided_by = ?, rejection_reason = ? where id = ?")
        .params(status.name(), approver, rejection, id).update();
  }

  /** A return whose lines were asked of Azure: each line holds its own operation. */
  void running(String id) {
    jdbc.sql("update reservation_return set status = 'RUNNING' where id = ?").param(id).update();
  }

  void completed(String id, ReturnStatus status, BigDecimal refund, BigDecimal refundUsd, String newOrders, String problem, Instant now) {
    jdbc.sql("""
        update reservation_return set status = ?, refund_amount = ?, refund_usd = ?, new_reservation_orders = ?, problem = ?, completed_at = ?
        where id = ?""").params(status.name(), refund, refundUsd, newOrders, problem, utc(now), id).update();
  }

  /**
   * Locks the customer's budget row until the transaction ends, creating it first if it is the customer's first
   * return (in its own transaction: two first returns at once both find it afterwards).
   */
  void lockBudget(String customerId) {
    if (jdbc.sql("select count(*) from refund_budget_lock where customer_id = ?").param(customerId).query(Integer.class).single() == 0) {
      try {
        separately.executeWithoutResult(s -> jdbc.sql("insert into refund_budget_lock (customer_id) values (?)").param(customerId).update());
      } catch (DuplicateKeyException alreadyThere) {
        // Another return created it a moment ago.
      }
    }
    jdbc.sql("select customer_id from refund_budget_lock where customer_id = ? for update").param(customerId).query(String.class).single();
  }

  /** What the customer's counted returns submitted since {@code since} hold of the budget, and how many they are. */
  Used used(String customerId, Instant since) {
    String holding = ReturnStatus.HOLDS_BUDGET.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", "));
    return jdbc.sql("select coalesce(sum(refund_usd), 0) as used, count(*) as returns from reservation_return where customer_id = ?"
        + " and counted = true and submitted_at >= ? and status in (" + holding + ")").params(customerId, utc(since))
        .query((rs, row) -> new Used(rs.getBigDecimal("used"), rs.getInt("returns"))).single();
  }

  record Used(BigDecimal usd, int returns) {}

  private ReturnRequest request(ResultSet rs, int row) throws SQLException {
    String id = rs.getString("id");
    List<ReturnRequest.Line> lines = jdbc.sql("select * from reservation_return_line where return_id = ? order by line_number").param(id)
        .query((l, n) -> new ReturnRequest.Line(l.getInt("line_number"), l.getString("reservation_order_id"), l.getString("reservation_id"),
            l.getString("summary"), l.getLong("quantity"), l.getBigDecimal("refund_amount"), l.getString("request_id"),
            l.getString("operation_id"), l.getString("status"), l.getString("problem"))).list();
    return new ReturnRequest(id, rs.getString("process_instance_id"), Kind.valueOf(rs.getString("kind")), rs.getString("customer_id"),
        rs.getString("customer_name"), ReturnStatus.valueOf(rs.getString("status")), rs.getBoolean("counted"), rs.getString("started_by"),
        rs.getString("submitted_by"), rs.getString("approval_reason"), rs.getString("decided_by"), rs.getString("rejection_reason"),
        rs.getString("reason"), rs.getString("currency"), rs.getBigDecimal("refund_amount"), rs.getBigDecimal("refund_usd"),
        rs.getBigDecimal("purchase_total"), rs.getBigDecimal("net_payable"), rs.getBigDecimal("net_payable_usd"), rs.getString("session_id"),
        rs.getString("request_id"), rs.getString("operation_id"), rs.getString("new_reservation_orders"), rs.getString("purchase_process_instance_id"),
        rs.getString("purchase_id"), rs.getString("problem"),
        instant(rs, "created_at"), instant(rs, "submitted_at"), instant(rs, "completed_at"), lines);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
