package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.process.purchase.Actions.CartAction;
import com.reservationdesk.process.purchase.Decisions.CartDecision;
import com.reservationdesk.purchase.PurchaseService;
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
    CartAction action = Actions.read(CartAction.class, execution.getVariable(CART_ACTION));
    if (action.adds()) {
      // The billing plan is the one the results were priced with: the filter's.
      CartRows.write(execution, purchases.addLine(execution.getProcessInstanceId(), string(execution, RESERVATION),
          FormValues.billingPlan(execution.getVariable(BILLING_PLAN)), FormValues.number(execution.getVariable(QUANTITY))));
    }
    setDecision(execution, CART_DECISION, switch (action) {
      case ADD_AND_SEARCH, CHANGE_FILTER -> CartDecision.SEARCH;
      case ADD_AND_REVIEW, REVIEW -> CartDecision.REVIEW;
      case CANCEL -> CartDecision.CANCEL;
    });
    execution.removeVariable(CART_ACTION);
    execution.removeVariable(RESERVATION);
    execution.removeVariable(QUANTITY);
  }
}
