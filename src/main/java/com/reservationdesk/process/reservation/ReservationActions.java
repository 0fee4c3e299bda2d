package com.reservationdesk.process.reservation;

import com.reservationdesk.process.FormValue;
import com.reservationdesk.process.FormValue.Action;
import com.reservationdesk.process.FormValue.Decision;
import java.util.Map;

/** What the reservation processes' forms send, and what their gateways read: each enum one field's or one gateway's values. */
public final class ReservationActions {

  private static final Map<Class<?>, String> REFUSALS = Map.of(
      RenewalAction.class, "Choose whether to renew the reservation or let it expire.",
      UnderUseAction.class, "Choose what to do: change the reservation's scope, return it, exchange it, or keep it.",
      ScopeAction.class, "Choose whether to apply the new scope, or cancel.");

  private ReservationActions() {}

  public static <E extends Enum<E> & Action> E read(Class<E> field, Object sent) {
    return FormValue.read(field, sent, REFUSALS.get(field));
  }

  /** {@code renewalAction}: RenewOrLetExpire. */
  public enum RenewalAction implements Action { RENEW, LET_EXPIRE }

  /** {@code underUseAction}: UnderUsedReservation. */
  public enum UnderUseAction implements Action { CHANGE_SCOPE, RETURN, PLAN_EXCHANGE, KEEP }

  /** {@code scopeAction}: ChangeScope. */
  public enum ScopeAction implements Action { APPLY, CANCEL }

  /** {@code renewalDecision}: Gateway_Renew. */
  public enum RenewalDecision implements Decision { RENEW, LET_EXPIRE }

  /** {@code underUseDecision}: Gateway_UnderUseDecision (the watch's recorded status). */
  public enum UnderUseDecision implements Decision { SCOPE_CHANGE, RETURN_PLANNED, EXCHANGE_PLANNED, KEPT }

  /** {@code scopeDecision}: Gateway_ScopeApplied. */
  public enum ScopeDecision implements Decision { APPLIED, CANCELLED }
}
