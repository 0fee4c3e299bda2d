package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** At the end of the cart's lifetime: ends the purchase if it is still open, leaves it alone otherwise. */
@Component("expirePurchase")
public class ExpirePurchaseDelegate implements JavaDelegate {

  private final PurchaseService purchases;

  public ExpirePurchaseDelegate(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(PURCHASE_EXPIRED, purchases.expire(execution.getProcessInstanceId()));
  }
}
