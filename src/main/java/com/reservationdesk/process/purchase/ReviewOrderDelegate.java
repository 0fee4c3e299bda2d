package com.reservationdesk.process.purchase;

import com.reservationdesk.purchase.ReadyToOrder;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.purchase.ApprovalRequest;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.common.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Applies the agent's review decision: change or remove a line, add more, cancel, or buy. */
@Component("reviewOrder")
public class ReviewOrderDelegate implements JavaDelegate {

  private final PurchaseService purchases;

  public ReviewOrderDelegate(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    String action = string(execution, REVIEW_ACTION);
    String decision = switch (action == null ? "" : action) {
      case "changeQuantity" -> {
        CartVariables.write(execution,
            purchases.changeQuantity(processInstanceId, execution.getVariable(CART_LINE), execution.getVariable(NEW_QUANTITY)));
        yield "CHANGED";
      }
      case "removeLine" -> {
        CartVariables.write(execution, purchases.removeLine(processInstanceId, execution.getVariable(CART_LINE)));
        yield "CHANGED";
      }
      case "addMore" -> "ADD_MORE";
      case "cancel" -> "CANCEL";
      case "buy" -> {
        ReadyToOrder ready = purchases.readyToOrder(processInstanceId, string(execution, SCOPE), string(execution, RESELLER_MPN_ID),
            currentUser(execution));
        execution.setVariable(RESELLER_NAME, ready.purchase().resellerName());
        // The inputs of the OrderApproval decision that follows in this transaction, from the purchase's records:
        // transient, since the decision's history keeps them.
        ApprovalRequest request = ready.approval();
        execution.setVariable(ORDER_CURRENCY, Variables.stringValue(request.currency(), true));
        execution.setVariable(ORDER_TOTAL_AMOUNT, Variables.doubleValue(request.total().amount().doubleValue(), true));
        execution.setVariable(ORDER_QUANTITY, Variables.longValue(request.quantity(), true));
        execution.setVariable(REVIEW_NOTE, null);
        yield "BUY";
      }
      default -> throw new InvalidInputException(
          "Choose what to do: buy, change a quantity, remove a line, add more reservations or cancel.");
    };
    setDecision(execution, REVIEW_DECISION, decision);
    execution.removeVariable(REVIEW_ACTION);
    execution.removeVariable(CART_LINE);
    execution.removeVariable(NEW_QUANTITY);
  }
}
