package com.reservationdesk.process.reservation;

import static com.reservationdesk.process.ProcessValues.currentUser;
import static com.reservationdesk.process.ProcessValues.decide;
import static com.reservationdesk.process.ProcessValues.string;
import static com.reservationdesk.process.reservation.ReservationVariables.*;

import com.reservationdesk.process.Option;
import com.reservationdesk.process.reservation.ReservationActions.RenewalAction;
import com.reservationdesk.process.reservation.ReservationActions.RenewalDecision;
import com.reservationdesk.process.reservation.ReservationActions.ScopeAction;
import com.reservationdesk.process.reservation.ReservationActions.ScopeDecision;
import com.reservationdesk.process.reservation.ReservationActions.UnderUseAction;
import com.reservationdesk.process.reservation.ReservationActions.UnderUseDecision;
import com.reservationdesk.reservation.ReservationRecord;
import com.reservationdesk.reservation.ReservationWatches;
import com.reservationdesk.reservation.ReservationWatches.Status;
import com.reservationdesk.reservation.ScopeChanges;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps after the reservation tasks: read the form's choice, call one service (which checks it against Reservation
 * Desk's records and records it with the agent), say where the gateway goes. The reservation is the one the process
 * was started for ({@code watchId}, {@code reservationId}, written by the server), never one a form names.
 */
@Configuration
public class DecisionDelegates {

  /** Renew or let expire: the decision and its reason, recorded with the agent. */
  @Bean("recordRenewalDecision")
  JavaDelegate recordRenewalDecision(ReservationWatches watches) {
    return execution -> {
      RenewalAction action = ReservationActions.read(RenewalAction.class, execution.getVariable(RENEWAL_ACTION));
      watches.decide(string(execution, WATCH_ID), action == RenewalAction.RENEW ? Status.RENEWED : Status.LET_EXPIRE,
          action == RenewalAction.RENEW ? null : string(execution, RENEWAL_REASON), currentUser(execution), null);
      decide(execution, RENEWAL_DECISION, action == RenewalAction.RENEW ? RenewalDecision.RENEW : RenewalDecision.LET_EXPIRE);
    };
  }

  /**
   * Starts the purchase that renews: the purchase process's renewal start, in this command, so the purchase belongs to the
   * agent who decided and is filled from the reservation the watch names.
   */
  @Bean("openRenewalPurchase")
  JavaDelegate openRenewalPurchase(ReservationWatches watches) {
    return execution -> {
      ProcessInstance purchase = execution.getProcessEngineServices().getRuntimeService()
          .createMessageCorrelation(com.reservationdesk.process.purchase.PurchaseVariables.RENEWAL_MESSAGE)
          .setVariable(com.reservationdesk.process.purchase.PurchaseVariables.RENEWAL_WATCH_ID, string(execution, WATCH_ID))
          .correlateStartMessage();
      watches.renewedWith(string(execution, WATCH_ID), purchase.getBusinessKey());
    };
  }

  @Bean("recordExpiredUndecided")
  JavaDelegate recordExpiredUndecided(ReservationWatches watches) {
    return execution -> watches.decide(string(execution, WATCH_ID), Status.EXPIRED_UNDECIDED, null, null, null);
  }

  /**
   * Under-used: change the scope, return it or exchange it (the call that follows does it, worked by the agent who
   * decided), or keep it, with a reason.
   */
  @Bean("recordUnderUseDecision")
  JavaDelegate recordUnderUseDecision(ReservationWatches watches) {
    return execution -> {
      UnderUseAction action = ReservationActions.read(UnderUseAction.class, execution.getVariable(UNDER_USE_ACTION));
      UnderUseDecision decision = switch (action) {
        case CHANGE_SCOPE -> UnderUseDecision.SCOPE_CHANGE;
        case RETURN -> UnderUseDecision.RETURN_PLANNED;
        case PLAN_EXCHANGE -> UnderUseDecision.EXCHANGE_PLANNED;
        case KEEP -> UnderUseDecision.KEPT;
      };
      watches.decide(string(execution, WATCH_ID), Status.valueOf(decision.name()),
          action == UnderUseAction.KEEP || action == UnderUseAction.PLAN_EXCHANGE || action == UnderUseAction.RETURN
              ? string(execution, UNDER_USE_REASON) : null, currentUser(execution), null);
      // The scope change, return or exchange that follows is worked by the agent who decided.
      execution.setVariable(SCOPE_CHANGED_BY, currentUser(execution));
      decide(execution, UNDER_USE_DECISION, decision);
    };
  }

  /** What the scope form shows: the reservation as Reservation Desk knows it and the customer's active subscriptions. */
  @Bean("loadReservationScope")
  JavaDelegate loadReservationScope(ScopeChanges scopes) {
    return execution -> {
      ScopeChanges.ScopeView view = scopes.prepare(string(execution, RESERVATION_ID));
      ReservationRecord reservation = view.reservation();
      execution.setVariables(ReservationRows.display(reservation));
      execution.setVariable(SCOPE_SUBSCRIPTION_OPTIONS, Spin.JSON(view.subscriptions().stream()
          .map(s -> new Option(s.label(), s.subscriptionId())).toList()));
    };
  }

  /** Applies the chosen scope to the process's reservation, recorded with the agent, or changes nothing. */
  @Bean("applyScopeChange")
  JavaDelegate applyScopeChange(ScopeChanges scopes) {
    return execution -> {
      ScopeAction action = ReservationActions.read(ScopeAction.class, execution.getVariable(SCOPE_ACTION));
      if (action == ScopeAction.APPLY) {
        scopes.apply(string(execution, RESERVATION_ID), string(execution, NEW_SCOPE), string(execution, SCOPE_SUBSCRIPTION),
            currentUser(execution), execution.getProcessInstanceId());
      }
      decide(execution, SCOPE_DECISION, action == ScopeAction.APPLY ? ScopeDecision.APPLIED : ScopeDecision.CANCELLED);
    };
  }



}
