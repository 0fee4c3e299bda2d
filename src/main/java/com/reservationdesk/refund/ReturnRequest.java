package com.reservationdesk.refund;

import com.reservationdesk.policy.RefundPolicy.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A return or exchange as the ledger holds it, with its lines. */
public record ReturnRequest(String id, String processInstanceId, Kind kind, String customerId, String customerName, ReturnStatus status,
    boolean counted, String startedBy, String submittedBy, String approvalReason, String decidedBy, String rejectionReason, String reason,
    String currency, BigDecimal refundAmount, BigDecimal refundUsd, BigDecimal purchaseTotal, BigDecimal netPayable,
    BigDecimal netPayableUsd, String sessionId, String requestId, String operationId, String newReservationOrders, String purchaseProcessInstanceId, String purchaseId, String problem,
    Instant createdAt, Instant submittedAt, Instant completedAt, List<Line> lines) {

  /** One reservation (part of it) returned, with its own call to Azure for a return. */
  public record Line(int number, String reservationOrderId, String reservationId, String summary, long quantity, BigDecimal refundAmount,
      String requestId, String operationId, String status, String problem) {}
}
