package com.reservationdesk.subscription;

import static com.reservationdesk.process.PurchaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Registers the purchase's subscription for reservations and counts how often it has looked. */
@Component("registerSubscription")
public class RegisterSubscriptionDelegate implements JavaDelegate {

  private final RegistrationService registrations;

  public RegisterSubscriptionDelegate(RegistrationService registrations) {
    this.registrations = registrations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var status = registrations.register(string(execution, CUSTOMER_ID), string(execution, SUBSCRIPTION_ID));
    execution.setVariable(REGISTRATION_STATUS, status.apiName());
    Object checks = execution.getVariable(REGISTRATION_CHECKS);
    execution.setVariable(REGISTRATION_CHECKS, (checks instanceof Number n ? n.intValue() : 0) + 1);
  }
}
