package com.reservationdesk.process.refund;

import static com.reservationdesk.process.refund.ReturnVariables.*;

import com.reservationdesk.common.Money;
import com.reservationdesk.process.Option;
import com.reservationdesk.refund.RefundBudget;
import com.reservationdesk.refund.ReturnRequest;
import com.reservationdesk.refund.Returns;
import com.reservationdesk.reservation.ReservationRecord;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;

/** A return as its forms show it, written from the ledger. */
final class ReturnRows {

  private ReturnRows() {}

  /** The choice form: the customer's returnable reservations and, filled in, the lines as last chosen. */
  static Map<String, Object> choose(ReturnRequest request, List<ReservationRecord> returnable, RefundBudget budget) {
    Map<String, Object> values = new HashMap<>();
    values.put(CUSTOMER_ID, request.customerId());
    values.put(CUSTOMER_NAME, request.customerName());
    values.put(RETURN_OPTIONS, Spin.JSON(returnable.stream().map(r -> new Option(Returns.summary(r) + " \u00b7 "
        + (r.utilization7d() == null ? "use not measured" : r.utilization7d().stripTrailingZeros().toPlainString() + " % used"),
        r.reservationId())).toList()));
    values.put(REFUND_BUDGET, budget.describe() + ".");
    for (int n = 1; n <= Returns.MAX_LINES; n++) {
      ReturnRequest.Line line = n <= request.lines().size() ? request.lines().get(n - 1) : null;
      values.put(line(RETURN_RESERVATION, n), line == null ? null : line.reservationId());
      values.put(line(RETURN_QUANTITY, n), line == null ? null : line.quantity());
    }
    values.put(RETURN_REASON, request.reason());
    return values;
  }

  /** What the review, the approval and the outcome show: the lines with their refunds, the total, the budget. */
  static Map<String, Object> review(ReturnRequest request, RefundBudget budget) {
    Map<String, Object> values = new HashMap<>();
    values.put(CUSTOMER_NAME, request.customerName());
    values.put(RETURN_SUMMARY, request.lines().stream().map(l -> "- Return **" + l.quantity() + "** of " + l.summary()
        + (l.refundAmount() == null ? "" : ": refund " + money(l.refundAmount(), request.currency()))
        + (l.status() == null ? "" : " (" + l.status().toLowerCase() + (l.problem() == null ? "" : ": " + l.problem()) + ")"))
        .collect(Collectors.joining("\n")));
    values.put(REFUND_TOTAL, request.refundAmount() == null ? "not quoted yet"
        : money(request.refundAmount(), request.currency()) + (!request.counted() ? " (an exchange: not counted against the refund budget)"
            : request.currency().equals("USD") ? "" : " (USD " + request.refundUsd().toPlainString() + " against the limit)"));
    values.put(REFUND_BUDGET, budget.describe() + ".");
    return values;
  }

  /** What the exchange's review, approval and outcome show besides the returned lines. */
  static Map<String, Object> exchange(ReturnRequest exchange, com.reservationdesk.purchase.CartView cart) {
    Map<String, Object> values = new HashMap<>();
    values.put(NEW_RESERVATIONS, cart.lines().stream().map(l -> "- Buy **" + l.quantity() + "** × " + l.description() + ": "
        + l.lineTotal().format()).collect(Collectors.joining("\n")));
    values.put(EXCHANGE_TOTALS, exchange.netPayable() == null ? "Not quoted yet."
        : "Returned: " + money(exchange.refundAmount(), exchange.currency()) + " · new reservations: "
            + money(exchange.purchaseTotal(), exchange.currency()) + " · the customer pays on top: "
            + money(exchange.netPayable().max(BigDecimal.ZERO), exchange.currency()));
    values.put(EXCHANGE_NOTE, exchange.problem());
    return values;
  }

  static String money(BigDecimal amount, String currency) {
    return new Money(amount, currency).format();
  }
}
