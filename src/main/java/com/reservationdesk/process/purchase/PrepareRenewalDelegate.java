package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.purchase.Purchase;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.reservation.Renewals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A purchase started to renew a reservation: filled from the reservation the renewal names (customer, subscription,
 * the same line) for the agent who decided, who then works it from its review like any purchase.
 */
@Component("prepareRenewal")
public class PrepareRenewalDelegate implements JavaDelegate {

  private final Renewals renewals;
  private final PurchaseService purchases;
  private final PurchaseOptionsService options;

  public PrepareRenewalDelegate(Renewals renewals, PurchaseService purchases, PurchaseOptionsService options) {
    this.renewals = renewals;
    this.purchases = purchases;
    this.options = options;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    Renewals.RenewalPurchase renewal = renewals.fill(processInstanceId, string(execution, RENEWAL_WATCH_ID));
    Purchase purchase = purchases.ofProcess(processInstanceId);
    execution.setVariable(STARTED_BY, purchase.createdBy());
    execution.setVariable(CUSTOMER_ID, purchase.customerId());
    execution.setVariable(SUBSCRIPTION_ID, purchase.subscriptionId());
    execution.setVariable(SUBSCRIPTION_NAME, purchase.subscriptionName());
    LoadPurchaseOptionsDelegate.write(execution, options.forPurchase(processInstanceId));
    CartRows.write(execution, purchases.cart(processInstanceId));
    execution.setVariable(REVIEW_NOTE, renewal.note());
  }
}
