package com.reservationdesk.process.refund;

import java.util.Set;

/** The variables of the return process: what its forms show (written by the server) and what they send. */
public final class ReturnVariables {

  public static final String RETURN_KEY = "ReservationReturnProcess";
  public static final String EXCHANGE_KEY = "ReservationExchangeProcess";

  // Set by the engine or the server
  public static final String STARTED_BY = "startedBy";
  public static final String RESERVATION_ID = "reservationId";
  public static final String RETURN_DECISION = "returnDecision";
  public static final String RETURN_DONE = "returnDone";

  // Shown (written by the server from the ledger)
  public static final String CUSTOMER_ID = "customerId";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String RETURN_OPTIONS = "returnOptions";
  public static final String RETURN_SUMMARY = "returnSummary";
  public static final String REFUND_TOTAL = "refundTotal";
  public static final String REFUND_BUDGET = "refundBudget";
  public static final String RETURN_NOTE = "returnNote";
  public static final String RETURN_OUTCOME = "returnOutcome";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String APPROVAL_REASON = "approvalReason";

  // Sent by the forms
  public static final String RETURN_RESERVATION = "returnReservation";
  public static final String RETURN_QUANTITY = "returnQuantity";
  public static final String RETURN_REASON = "returnReason";
  public static final String RETURN_ACTION = "returnAction";
  public static final String REVIEW_ACTION = "returnReviewAction";
  public static final String APPROVAL_DECISION = "returnApproval";
  public static final String REJECTION_REASON = "returnRejectionReason";

  // The exchange's: shown, and sent by its forms
  public static final String EXCHANGE_DECISION = "exchangeDecision";
  public static final String EXCHANGE_DONE = "exchangeDone";
  public static final String NEW_RESERVATIONS = "newReservations";
  public static final String EXCHANGE_TOTALS = "exchangeTotals";
  public static final String EXCHANGE_NOTE = "exchangeNote";
  public static final String EXCHANGE_OUTCOME = "exchangeOutcome";
  public static final String EXCHANGE_REVIEW_ACTION = "exchangeReviewAction";
  public static final String EXCHANGE_APPROVAL = "exchangeApproval";
  public static final String EXCHANGE_REJECTION_REASON = "exchangeRejectionReason";

  /** Shown only, never read back: left out of history. */
  public static final Set<String> DISPLAY_ONLY = Set.of(CUSTOMER_NAME, RETURN_OPTIONS, RETURN_SUMMARY, REFUND_TOTAL, REFUND_BUDGET,
      RETURN_NOTE, RETURN_OUTCOME, NEW_RESERVATIONS, EXCHANGE_TOTALS, EXCHANGE_NOTE, EXCHANGE_OUTCOME);

  /** The form's n-th line: {@code returnReservation1}, {@code returnQuantity1} … */
  public static String line(String field, int n) {
    return field + n;
  }

  private ReturnVariables() {}
}
