package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks the purchase cancelled when the agent gives it up; nothing was ordered. */
@Component("discardPurchase")
public class DiscardPurchaseDelegate implements JavaDelegate {

  private final PurchaseService purchases;

  public DiscardPurchaseDelegate(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    purchases.cancel(execution.getProcessInstanceId());
  }
}
