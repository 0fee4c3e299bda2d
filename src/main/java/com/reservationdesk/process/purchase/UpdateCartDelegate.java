package com.reservationdesk.process.purchase;

import com.reservationdesk.purchase.PurchaseService;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.common.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Adds the chosen reservation to the cart when the agent asked to, and says where to go next. */
@Component("updateCart")
public class UpdateCartDelegate implements JavaDelegate {

  private final PurchaseService purchases;

  public UpdateCartDelegate(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    String action = string(execution, CART_ACTION);
    String decision = switch (action == null ? "" : action) {
      case "addAndSearch", "changeFilter" -> "SEARCH";
      case "addAndReview", "review" -> "REVIEW";
      case "cancel" -> "CANCEL";
      default -> throw new InvalidInputException(
          "Choose what to do: add the reservation to the cart, change the filter, review the order or cancel.");
    };
    if (action.startsWith("add")) {
      CartVariables.write(execution, purchases.addLine(processInstanceId, string(execution, RESERVATION),
          string(execution, BILLING_PLAN), execution.getVariable(QUANTITY)));
    }
    setDecision(execution, CART_DECISION, decision);
    execution.removeVariable(CART_ACTION);
    execution.removeVariable(RESERVATION);
    execution.removeVariable(QUANTITY);
  }
}
