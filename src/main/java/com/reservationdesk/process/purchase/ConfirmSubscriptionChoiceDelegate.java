package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.process.purchase.Actions.SubscriptionAction;
import com.reservationdesk.process.purchase.Decisions.SubscriptionDecision;
import com.reservationdesk.purchase.CartView;
import com.reservationdesk.purchase.Purchase;
import com.reservationdesk.purchase.PurchaseService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks the chosen subscription and opens the purchase (the cart) for it, or records the cancel. */
@Component("confirmSubscriptionChoice")
public class ConfirmSubscriptionChoiceDelegate implements JavaDelegate {

  private final PurchaseService purchases;

  public ConfirmSubscriptionChoiceDelegate(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SubscriptionAction action = Actions.read(SubscriptionAction.class, execution.getVariable(SUBSCRIPTION_ACTION));
    if (action == SubscriptionAction.CHOOSE) {
      // The purchase's customer is the one recorded; only the subscription comes from the form, checked against it.
      Purchase purchase = purchases.open(execution.getProcessInstanceId(), string(execution, SUBSCRIPTION_ID));
      execution.setVariable(SUBSCRIPTION_ID, purchase.subscriptionId());
      execution.setVariable(SUBSCRIPTION_NAME, purchase.subscriptionName());
      CartRows.write(execution, CartView.of(List.of(), purchase.currency()));
    }
    setDecision(execution, SUBSCRIPTION_DECISION,
        action == SubscriptionAction.CHOOSE ? SubscriptionDecision.CHOSEN : SubscriptionDecision.CANCEL);
    execution.removeVariable(SUBSCRIPTION_ACTION);
  }
}
