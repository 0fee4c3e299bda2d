package com.reservationdesk.process.purchase;

import com.reservationdesk.subscription.AzureSubscription;
import com.reservationdesk.subscription.SubscriptionService;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives the customer an active Azure subscription, through an Azure plan; safe to run again. */
@Component("addAzureSubscription")
public class AddAzureSubscriptionDelegate implements JavaDelegate {

  private final SubscriptionService subscriptions;
  private final PurchaseService purchases;

  public AddAzureSubscriptionDelegate(SubscriptionService subscriptions, PurchaseService purchases) {
    this.subscriptions = subscriptions;
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // One request id per purchase: a retry of this step asks Partner Center for the same thing.
    String processInstanceId = execution.getProcessInstanceId();
    AzureSubscription added = subscriptions.addAzureSubscription(purchases.customerOf(processInstanceId), processInstanceId);
    execution.setVariable(SUBSCRIPTION_ID, added.subscriptionId());
    execution.removeVariable(ADD_SUBSCRIPTION_ACTION);
  }
}
