package com.reservationdesk.process.purchase;

import com.reservationdesk.process.FormValue.Decision;

/**
 * What the checks after the agent's tasks decide, read by the model's gateways ({@code ${cartDecision == 'SEARCH'}}):
 * each enum is one gateway's outcomes, defined once.
 */
public final class Decisions {

  private Decisions() {}

  /** {@code customerDecision}: Gateway_CustomerDecision. */
  public enum CustomerDecision implements Decision { CHOSEN, SEARCH_AGAIN, CANCEL }

  /** {@code subscriptionDecision}: Gateway_SubscriptionDecision. */
  public enum SubscriptionDecision implements Decision { CHOSEN, CANCEL }

  /** {@code filterDecision}: Gateway_FilterDecision; a savings plan is added at once, with no catalog to search. */
  public enum FilterDecision implements Decision { SEARCH, SAVINGS_PLAN_ADDED, CANCEL }

  /** {@code recommendationDecision}: Gateway_RecommendationDecision. */
  public enum RecommendationDecision implements Decision { REVIEW, SEARCH, CANCEL }

  /** {@code cartDecision}: Gateway_CartDecision. */
  public enum CartDecision implements Decision { SEARCH, REVIEW, CANCEL }

  /** {@code reviewDecision}: Gateway_ReviewDecision. */
  public enum ReviewDecision implements Decision { BUY, EXCHANGE, CHANGED, ADD_MORE, CANCEL }

  /** {@code approvalResult}: Gateway_Approved. */
  public enum ApprovalResult implements Decision { APPROVED, REJECTED }
}
