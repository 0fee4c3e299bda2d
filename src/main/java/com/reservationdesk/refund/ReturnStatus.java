package com.reservationdesk.refund;

import java.util.Set;

/** Where a return or exchange stands in Reservation Desk's ledger. */
public enum ReturnStatus {
  /** Opened; the agent chooses what to return. */
  CHOOSING,
  /** Azure quoted it; the agent reviews. */
  QUOTED,
  /** Refused: it would take the customer over the refund budget. */
  OVER_BUDGET,
  /** Submitted; an approver decides. Holds budget. */
  AWAITING_APPROVAL,
  /** An approver rejected it; the agent may change it. */
  REJECTED,
  /** Submitted and cleared (by the rules or an approver); the call to Azure is due. Holds budget. */
  APPROVED,
  /** Azure runs it. Holds budget. */
  RUNNING,
  /** Done at Azure. Holds budget. */
  SUCCEEDED,
  /** Done at Azure for some of its lines only; holds the budget of those. */
  PARTLY_SUCCEEDED,
  /** Azure did none of it. */
  FAILED,
  /** The agent cancelled it before it was submitted. */
  CANCELLED;

  /** What counts against the budget: submitted and not rejected, cancelled or failed. */
  public static final Set<ReturnStatus> HOLDS_BUDGET = Set.of(AWAITING_APPROVAL, APPROVED, RUNNING, SUCCEEDED, PARTLY_SUCCEEDED);

  /** What the agent may still change or cancel. */
  public boolean isChangeable() {
    return this == CHOOSING || this == QUOTED || this == OVER_BUDGET || this == REJECTED;
  }
}
