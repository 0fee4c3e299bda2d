package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Registers the purchase's subscription for reservations and counts how often it has looked. */
@Component("registerSubscription")
public class RegisterSubscriptionDelegate implements JavaDelegate {

  private final PurchaseService purchases;

  public RegisterSubscriptionDelegate(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object checks = execution.getVariable(REGISTRATION_CHECKS);
    int check = (checks instanceof Number n ? n.intValue() : 0) + 1;
    // The purchase's customer and subscription, as recorded.
    var status = purchases.registerSubscription(execution.getProcessInstanceId(), check);
    execution.setVariable(REGISTRATION_STATUS, status.apiName());
    execution.setVariable(REGISTRATION_CHECKS, check);
  }
}
