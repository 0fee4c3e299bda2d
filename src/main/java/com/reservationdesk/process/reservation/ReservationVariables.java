package com.reservationdesk.process.reservation;

import java.util.Set;

/**
 * The names the reservation processes (the sweeps, renewal, under-use, scope change) and their forms share: the
 * contract between the models and this glue.
 */
public final class ReservationVariables {

  public static final String SWEEP_KEY = "ReservationSweepProcess";
  public static final String UNDER_USE_SWEEP_KEY = "UnderUseSweepProcess";
  public static final String RENEWAL_KEY = "ReservationRenewalProcess";
  public static final String UNDER_USE_KEY = "UnderUsedReservationProcess";
  public static final String SCOPE_KEY = "ReservationScopeProcess";

  // The sweeps
  public static final String OTHER_SWEEP_RUNNING = "otherSweepRunning";
  public static final String SWEEP_CONTINUATION = "sweepContinuation";
  public static final String SWEEP_PAGES = "sweepPages";
  public static final String SWEEP_RESERVATIONS = "sweepReservations";
  public static final String SWEEP_TASKS = "sweepTasks";
  public static final String UNDER_USE_AFTER = "underUseAfter";

  // What a task shows of its reservation (written by the server when the process starts)
  public static final String WATCH_ID = "watchId";
  public static final String RESERVATION_ID = "reservationId";
  public static final String CUSTOMER_ID = "customerId";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String RESERVATION_SUMMARY = "reservationSummary";
  public static final String RESERVATION_SCOPE = "reservationScope";
  public static final String RESERVATION_EXPIRY = "reservationExpiry";
  public static final String RESERVATION_EXPIRES_AT = "reservationExpiresAt";
  public static final String RESERVATION_USE = "reservationUse";
  public static final String RESERVATION_BOUGHT_BY = "reservationBoughtBy";
  public static final String UNDER_USE_NOTE = "underUseNote";

  // Renewal
  public static final String RENEWAL_AGENT = "renewalAgent";
  public static final String RENEWAL_ACTION = "renewalAction";
  public static final String RENEWAL_REASON = "renewalReason";
  public static final String RENEWAL_DECISION = "renewalDecision";

  // Under-use
  public static final String UNDER_USE_AGENT = "underUseAgent";
  public static final String UNDER_USE_ACTION = "underUseAction";
  public static final String UNDER_USE_REASON = "underUseReason";
  public static final String UNDER_USE_DECISION = "underUseDecision";
  public static final String SCOPE_CHANGED_BY = "scopeChangedBy";

  // Scope change
  public static final String STARTED_BY = "startedBy";
  public static final String SCOPE_ACTION = "scopeAction";
  public static final String NEW_SCOPE = "newScope";
  public static final String SCOPE_SUBSCRIPTION = "scopeSubscription";
  public static final String SCOPE_SUBSCRIPTION_OPTIONS = "scopeSubscriptionOptions";
  public static final String SCOPE_DECISION = "scopeDecision";

  /** What the forms only show: Reservation Desk's tables keep the reservation, the decisions and the scope changes. */
  public static final Set<String> DISPLAY_ONLY = Set.of(CUSTOMER_NAME, RESERVATION_SUMMARY, RESERVATION_SCOPE, RESERVATION_EXPIRY,
      RESERVATION_USE, RESERVATION_BOUGHT_BY, UNDER_USE_NOTE, SCOPE_SUBSCRIPTION_OPTIONS, RENEWAL_REASON, UNDER_USE_REASON,
      SWEEP_CONTINUATION, UNDER_USE_AFTER);

  private ReservationVariables() {}
}
