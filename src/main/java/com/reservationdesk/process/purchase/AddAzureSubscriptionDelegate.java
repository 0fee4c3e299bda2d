package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives the purchase's customer an active Azure subscription, through an Azure plan; safe to run again. */
@Component("addAzureSubscription")
public class AddAzureSubscriptionDelegate implements JavaDelegate {

  private final PurchaseService purchases;

  public AddAzureSubscriptionDelegate(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(SUBSCRIPTION_ID, purchases.addAzureSubscription(execution.getProcessInstanceId()).subscriptionId());
    execution.removeVariable(ADD_SUBSCRIPTION_ACTION);
  }
}
