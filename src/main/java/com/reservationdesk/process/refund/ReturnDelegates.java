package com.reservationdesk.process.refund;

import static com.reservationdesk.process.ProcessValues.currentUser;
import static com.reservationdesk.process.ProcessValues.string;
import static com.reservationdesk.process.refund.ReturnVariables.*;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.policy.RefundPolicy.Kind;
import com.reservationdesk.process.FormValue;
import com.reservationdesk.process.refund.ReturnActions.ApprovalAction;
import com.reservationdesk.process.refund.ReturnActions.ChooseAction;
import com.reservationdesk.process.refund.ReturnActions.ReturnDecision;
import com.reservationdesk.process.refund.ReturnActions.ReviewAction;
import com.reservationdesk.refund.ReturnRequest;
import com.reservationdesk.refund.ReturnStatus;
import com.reservationdesk.refund.Returns;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The return process's steps: each reads its form's fields, calls {@link Returns} once with the process instance (which
 * finds the return in the ledger) and the engine's user, writes what the next form shows, and says where the gateway goes.
 */
@Configuration
public class ReturnDelegates {

  /** Opens the return of the reservation the agent named, for the agent who started the process. */
  @Bean("openReturn")
  JavaDelegate openReturn(Returns returns) {
    return execution -> {
      ReturnRequest request = returns.open(execution.getProcessInstanceId(), Kind.RETURN, string(execution, STARTED_BY),
          string(execution, RESERVATION_ID));
      execution.setVariables(ReturnRows.choose(request, returns.returnable(request.customerId()), returns.budget(request.customerId())));
    };
  }

  /** The agent's lines and reason, checked and quoted by Azure; or the return cancelled. */
  @Bean("quoteReturn")
  JavaDelegate quoteReturn(Returns returns) {
    return execution -> {
      ChooseAction action = ReturnActions.read(ChooseAction.class, execution.getVariable(RETURN_ACTION));
      if (action == ChooseAction.CANCEL) {
        returns.cancel(execution.getProcessInstanceId());
        decide(execution, ReturnDecision.CANCELLED);
        return;
      }
      quote(execution, returns);
      decide(execution, ReturnDecision.QUOTED);
    };
  }

  /**
   * The lines and reason of the choice form (a return's or an exchange's), checked and quoted by Azure through the
   * ledger, and what the review shows written.
   */
  static void quote(DelegateExecution execution, Returns returns) {
    List<Returns.Choice> choices = new ArrayList<>();
    for (int n = 1; n <= Returns.MAX_LINES; n++) {
      String reservation = string(execution, line(RETURN_RESERVATION, n));
      if (reservation != null && !reservation.isBlank()) {
        choices.add(new Returns.Choice(reservation, quantity(execution.getVariable(line(RETURN_QUANTITY, n)), n)));
      }
    }
    ReturnRequest quoted = returns.quote(execution.getProcessInstanceId(), choices, string(execution, RETURN_REASON));
    execution.setVariables(ReturnRows.review(quoted, returns.budget(quoted.customerId())));
    execution.setVariable(RETURN_NOTE, null);
  }

  /** Submit (budget under the customer's lock, then the approval rules), change, or cancel. */
  @Bean("submitReturn")
  JavaDelegate submitReturn(Returns returns) {
    return execution -> {
      ReviewAction action = ReturnActions.read(ReviewAction.class, execution.getVariable(REVIEW_ACTION));
      String id = execution.getProcessInstanceId();
      switch (action) {
        case CANCEL -> {
          returns.cancel(id);
          decide(execution, ReturnDecision.CANCELLED);
        }
        case CHANGE -> {
          ReturnRequest request = returns.require(id);
          execution.setVariables(ReturnRows.choose(request, returns.returnable(request.customerId()), returns.budget(request.customerId())));
          decide(execution, ReturnDecision.CHANGE);
        }
        case SUBMIT -> {
          Returns.Submission submission = returns.submit(id, currentUser(execution));
          execution.setVariables(ReturnRows.review(returns.require(id), submission.budget()));
          execution.setVariable(RETURN_NOTE, submission.outcome() == Returns.Submitted.OVER_BUDGET ? submission.message() : null);
          decide(execution, switch (submission.outcome()) {
            case OVER_BUDGET -> ReturnDecision.OVER_BUDGET;
            case NEEDS_APPROVAL -> ReturnDecision.NEEDS_APPROVAL;
            case CLEARED -> ReturnDecision.CLEARED;
          });
        }
      }
    };
  }

  /** What the approver reads, written into the approval task itself from the ledger when it is created. */
  @Bean("prepareReturnApproval")
  TaskListener prepareReturnApproval(Returns returns) {
    return task -> {
      ReturnRequest request = returns.require(task.getProcessInstanceId());
      task.setVariablesLocal(ReturnRows.review(request, returns.budget(request.customerId())));
      task.setVariableLocal(REQUESTED_BY, request.submittedBy());
      task.setVariableLocal(APPROVAL_REASON, request.approvalReason());
      task.setVariableLocal(RETURN_REASON, request.reason());
    };
  }

  /** The approver's decision, four eyes against the ledger; a rejection goes back to the agent's review with the reason. */
  @Bean("recordReturnApproval")
  JavaDelegate recordReturnApproval(Returns returns) {
    return execution -> {
      ApprovalAction action = ReturnActions.read(ApprovalAction.class, execution.getVariable(APPROVAL_DECISION));
      ReturnRequest decided = returns.decide(execution.getProcessInstanceId(), action == ApprovalAction.APPROVE,
          string(execution, REJECTION_REASON), currentUser(execution));
      execution.setVariables(ReturnRows.review(decided, returns.budget(decided.customerId())));
      execution.setVariable(RETURN_NOTE, decided.status() == ReturnStatus.REJECTED
          ? "Rejected by " + decided.decidedBy() + ": " + decided.rejectionReason() : null);
      execution.removeVariable(APPROVAL_DECISION);
      execution.removeVariable(REJECTION_REASON);
      decide(execution, action == ApprovalAction.APPROVE ? ReturnDecision.APPROVED : ReturnDecision.REJECTED);
    };
  }

  /** Asks Azure to return each line, with the request ids saved at submission (a retry asks again with the same). */
  @Bean("startReturn")
  JavaDelegate startReturn(Returns returns) {
    return execution -> {
      ReturnRequest request = returns.startReturn(execution.getProcessInstanceId());
      execution.setVariables(ReturnRows.review(request, returns.budget(request.customerId())));
    };
  }

  /** Looks at Azure's operations; when they ended, writes the outcome. */
  @Bean("checkReturn")
  JavaDelegate checkReturn(Returns returns) {
    return execution -> {
      boolean done = returns.checkReturn(execution.getProcessInstanceId());
      execution.setVariable(RETURN_DONE, Variables.booleanValue(done, true));
      if (done) {
        ReturnRequest request = returns.require(execution.getProcessInstanceId());
        execution.setVariables(ReturnRows.review(request, returns.budget(request.customerId())));
        execution.setVariable(RETURN_OUTCOME, switch (request.status()) {
          case SUCCEEDED -> "Azure returned everything. The refund goes to the customer's billing account.";
          case PARTLY_SUCCEEDED -> "Azure returned part of it; the rest was not returned. " + request.problem();
          default -> "Azure returned nothing; nothing counts against the budget. " + (request.problem() == null ? "" : request.problem());
        });
      }
    };
  }

  private static long quantity(Object sent, int n) {
    if (sent instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.longValue();
    }
    if (sent instanceof String text && text.trim().matches("\\d{1,9}")) {
      return Long.parseLong(text.trim());
    }
    throw new InvalidInputException("Line " + n + ": how many to return, a whole number.");
  }

  private static void decide(DelegateExecution execution, FormValue decision) {
    execution.setVariable(RETURN_DECISION, Variables.stringValue(decision.value(), true));
  }


}
