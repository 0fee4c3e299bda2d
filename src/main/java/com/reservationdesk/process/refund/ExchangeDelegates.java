package com.reservationdesk.process.refund;

import static com.reservationdesk.process.ProcessValues.currentUser;
import static com.reservationdesk.process.ProcessValues.string;
import static com.reservationdesk.process.refund.ReturnVariables.*;

import com.reservationdesk.policy.RefundPolicy.Kind;
import com.reservationdesk.process.FormValue;
import com.reservationdesk.process.purchase.PurchaseVariables;
import com.reservationdesk.process.refund.ReturnActions.ApprovalAction;
import com.reservationdesk.process.refund.ReturnActions.ChooseAction;
import com.reservationdesk.process.refund.ReturnActions.ExchangeDecision;
import com.reservationdesk.process.refund.ReturnActions.ExchangeReviewAction;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.refund.Exchanges;
import com.reservationdesk.refund.ReturnRequest;
import com.reservationdesk.refund.ReturnStatus;
import com.reservationdesk.refund.Returns;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exchange process's steps. What is returned is chosen and quoted as in a return ({@link ReturnDelegates} reads the
 * same fields); the new reservations are chosen in a purchase the exchange starts for the agent, whose cart comes back
 * with the message {@code ExchangeCartChosen}; everything else is {@link Exchanges}, found by this process instance.
 */
@Configuration
public class ExchangeDelegates {

  @Bean("openExchange")
  JavaDelegate openExchange(Returns returns) {
    return execution -> {
      ReturnRequest request = returns.open(execution.getProcessInstanceId(), Kind.EXCHANGE, string(execution, STARTED_BY),
          string(execution, RESERVATION_ID));
      execution.setVariables(ReturnRows.choose(request, returns.returnable(request.customerId()), returns.budget(request.customerId())));
    };
  }

  /** What is returned, checked and valued by Azure (as a return would be); or the exchange cancelled. */
  @Bean("quoteExchangeReturns")
  JavaDelegate quoteExchangeReturns(Returns returns) {
    return execution -> {
      if (ReturnActions.read(ChooseAction.class, execution.getVariable(RETURN_ACTION)) == ChooseAction.CANCEL) {
        returns.cancel(execution.getProcessInstanceId());
        decide(execution, ExchangeDecision.CANCELLED);
        return;
      }
      ReturnDelegates.quote(execution, returns);
      decide(execution, ExchangeDecision.QUOTED);
    };
  }

  /** Starts the purchase in which the agent chooses the new reservations: the agent's own, for the exchange's customer. */
  @Bean("openExchangePurchase")
  JavaDelegate openExchangePurchase() {
    return execution -> execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(PurchaseVariables.EXCHANGE_MESSAGE)
        .setVariable(PurchaseVariables.EXCHANGE_PROCESS_ID, execution.getProcessInstanceId()).correlateStartMessage();
  }

  /** The cart came back: Azure's quote of returning and buying in one step. */
  @Bean("quoteExchange")
  JavaDelegate quoteExchange(Exchanges exchanges, Returns returns, PurchaseService purchases) {
    return execution -> show(execution, exchanges.quote(execution.getProcessInstanceId()), returns, purchases);
  }

  /** Submit (the approval rules; no budget), choose the new reservations again, or cancel. */
  @Bean("submitExchange")
  JavaDelegate submitExchange(Exchanges exchanges, Returns returns, PurchaseService purchases) {
    return execution -> {
      ExchangeReviewAction action = ReturnActions.read(ExchangeReviewAction.class, execution.getVariable(EXCHANGE_REVIEW_ACTION));
      String id = execution.getProcessInstanceId();
      switch (action) {
        case CANCEL -> {
          returns.cancel(id);
          decide(execution, ExchangeDecision.CANCELLED);
        }
        case CHOOSE_AGAIN -> decide(execution, ExchangeDecision.CHOOSE_AGAIN);
        case SUBMIT -> {
          Returns.Submission submission = exchanges.submit(id, currentUser(execution));
          show(execution, returns.require(id), returns, purchases);
          decide(execution, submission.outcome() == Returns.Submitted.NEEDS_APPROVAL ? ExchangeDecision.NEEDS_APPROVAL
              : ExchangeDecision.CLEARED);
        }
      }
    };
  }

  /** What the approver reads, written into the approval task from the ledger and the purchase's cart. */
  @Bean("prepareExchangeApproval")
  TaskListener prepareExchangeApproval(Returns returns, PurchaseService purchases) {
    return task -> {
      ReturnRequest exchange = returns.require(task.getProcessInstanceId());
      task.setVariablesLocal(ReturnRows.review(exchange, returns.budget(exchange.customerId())));
      task.setVariablesLocal(ReturnRows.exchange(exchange, purchases.cart(exchange.purchaseProcessInstanceId())));
      task.setVariableLocal(REQUESTED_BY, exchange.submittedBy());
      task.setVariableLocal(APPROVAL_REASON, exchange.approvalReason());
      task.setVariableLocal(RETURN_REASON, exchange.reason());
    };
  }

  @Bean("recordExchangeApproval")
  JavaDelegate recordExchangeApproval(Returns returns, PurchaseService purchases) {
    return execution -> {
      ApprovalAction action = ReturnActions.read(ApprovalAction.class, execution.getVariable(EXCHANGE_APPROVAL));
      ReturnRequest decided = returns.decide(execution.getProcessInstanceId(), action == ApprovalAction.APPROVE,
          string(execution, EXCHANGE_REJECTION_REASON), currentUser(execution));
      show(execution, decided, returns, purchases);
      if (decided.status() == ReturnStatus.REJECTED) {
        execution.setVariable(EXCHANGE_NOTE, "Rejected by " + decided.decidedBy() + ": " + decided.rejectionReason());
      }
      execution.removeVariable(EXCHANGE_APPROVAL);
      execution.removeVariable(EXCHANGE_REJECTION_REASON);
      decide(execution, action == ApprovalAction.APPROVE ? ExchangeDecision.APPROVED : ExchangeDecision.REJECTED);
    };
  }

  @Bean("startExchange")
  JavaDelegate startExchange(Exchanges exchanges) {
    return execution -> exchanges.start(execution.getProcessInstanceId());
  }

  @Bean("checkExchange")
  JavaDelegate checkExchange(Exchanges exchanges, Returns returns, PurchaseService purchases) {
    return execution -> {
      boolean done = exchanges.check(execution.getProcessInstanceId());
      execution.setVariable(EXCHANGE_DONE, Variables.booleanValue(done, true));
      if (done) {
        ReturnRequest exchange = returns.require(execution.getProcessInstanceId());
        show(execution, exchange, returns, purchases);
        execution.setVariable(EXCHANGE_OUTCOME, exchange.status() == ReturnStatus.SUCCEEDED
            ? "Azure exchanged them: new reservation orders " + exchange.newReservationOrders() + ". Not counted against the refund budget."
            : exchange.problem());
      }
    };
  }

  /** The exchange waited too long for its new reservations (the purchase was cancelled or expired): it ends. */
  @Bean("cancelExchange")
  JavaDelegate cancelExchange(Returns returns) {
    return execution -> returns.cancel(execution.getProcessInstanceId());
  }

  private static void show(DelegateExecution execution, ReturnRequest exchange, Returns returns, PurchaseService purchases) {
    Map<String, Object> values = ReturnRows.review(exchange, returns.budget(exchange.customerId()));
    values.putAll(ReturnRows.exchange(exchange, purchases.cart(exchange.purchaseProcessInstanceId())));
    execution.setVariables(values);
  }

  private static void decide(DelegateExecution execution, FormValue decision) {
    execution.setVariable(EXCHANGE_DECISION, Variables.stringValue(decision.value(), true));
  }


}
