package com.reservationdesk.process.refund;

import com.reservationdesk.process.FormValue;
import com.reservationdesk.process.FormValue.Action;
import com.reservationdesk.process.FormValue.Decision;
import java.util.Map;

/** What the return forms send, and what the return process's gateways read. */
public final class ReturnActions {

  private static final Map<Class<?>, String> REFUSALS = Map.of(
      ChooseAction.class, "Choose whether to ask Azure for the refund, or cancel.",
      ReviewAction.class, "Choose whether to submit the return, change it, or cancel it.",
      ApprovalAction.class, "Choose whether to approve or reject it.",
      ExchangeReviewAction.class, "Choose whether to submit the exchange, choose the new reservations again, or cancel it.");

  private ReturnActions() {}

  public static <E extends Enum<E> & Action> E read(Class<E> field, Object sent) {
    return FormValue.read(field, sent, REFUSALS.get(field));
  }

  /** {@code returnAction}: ChooseReturn. */
  public enum ChooseAction implements Action { QUOTE, CANCEL }

  /** {@code returnReviewAction}: ReviewReturn. */
  public enum ReviewAction implements Action { SUBMIT, CHANGE, CANCEL }

  /** {@code returnApproval}: ApproveReturn. */
  public enum ApprovalAction implements Action { APPROVE, REJECT }

  /** {@code exchangeReviewAction}: ReviewExchange. */
  public enum ExchangeReviewAction implements Action { SUBMIT, CHOOSE_AGAIN, CANCEL }

  /** {@code exchangeDecision}: the exchange's gateways. */
  public enum ExchangeDecision implements Decision { QUOTED, CANCELLED, CHOOSE_AGAIN, NEEDS_APPROVAL, CLEARED, APPROVED, REJECTED }

  /** {@code returnDecision}: the gateways Quoted?, Budget and rules?, Approved?. */
  public enum ReturnDecision implements Decision { QUOTED, CANCELLED, CHANGE, OVER_BUDGET, NEEDS_APPROVAL, CLEARED, APPROVED, REJECTED }
}
