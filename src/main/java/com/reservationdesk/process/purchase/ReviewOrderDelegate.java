package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.process.purchase.Actions.ReviewAction;
import com.reservationdesk.process.purchase.Decisions.ReviewDecision;
import com.reservationdesk.purchase.ApprovalRequest;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.purchase.ReadyToOrder;
import com.reservationdesk.refund.Exchanges;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Applies the agent's review decision: change or remove a line, add more, cancel, or buy. */
@Component("reviewOrder")
public class ReviewOrderDelegate implements JavaDelegate {

  private final PurchaseService purchases;
  private final Exchanges exchanges;

  public ReviewOrderDelegate(PurchaseService purchases, Exchanges exchanges) {
    this.purchases = purchases;
    this.exchanges = exchanges;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    ReviewAction action = Actions.read(ReviewAction.class, execution.getVariable(REVIEW_ACTION));
    ReviewDecision decision = switch (action) {
      case CHANGE_QUANTITY -> {
        CartRows.write(execution, purchases.changeQuantity(processInstanceId, FormValues.lineNo(execution.getVariable(CART_LINE)),
            FormValues.number(execution.getVariable(NEW_QUANTITY))));
        yield ReviewDecision.CHANGED;
      }
      case REMOVE_LINE -> {
        CartRows.write(execution, purchases.removeLine(processInstanceId, FormValues.lineNo(execution.getVariable(CART_LINE))));
        yield ReviewDecision.CHANGED;
      }
      case ADD_MORE -> ReviewDecision.ADD_MORE;
      case CANCEL -> ReviewDecision.CANCEL;
      case BUY -> {
        if (exchanges.ofPurchase(processInstanceId).isPresent()) {
          // The cart of an exchange: bought by the exchange, with what it returns, not checked out here.
          yield ReviewDecision.EXCHANGE;
        }
        ReadyToOrder ready = purchases.readyToOrder(processInstanceId, FormValues.scope(execution.getVariable(SCOPE)),
            string(execution, RESELLER_MPN_ID), currentUser(execution));
        execution.setVariable(RESELLER_NAME, ready.purchase().resellerName());
        // The inputs of the OrderApproval decision that follows in this transaction, from the purchase's records:
        // transient, since the decision's history keeps them.
        ApprovalRequest request = ready.approval();
        execution.setVariable(ORDER_CURRENCY, Variables.stringValue(request.currency(), true));
        execution.setVariable(ORDER_TOTAL_AMOUNT, Variables.doubleValue(request.total().amount().doubleValue(), true));
        execution.setVariable(ORDER_QUANTITY, Variables.longValue(request.quantity(), true));
        execution.setVariable(REVIEW_NOTE, null);
        yield ReviewDecision.BUY;
      }
    };
    setDecision(execution, REVIEW_DECISION, decision);
    execution.removeVariable(REVIEW_ACTION);
    execution.removeVariable(CART_LINE);
    execution.removeVariable(NEW_QUANTITY);
  }
}
