package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When a purchase process starts: records the purchase, started by the engine's authenticated user, and
 * gives the process instance its id as business key. Whatever the start request carried, the purchase's
 * facts are the server's from here on.
 */
@Component("beginPurchase")
public class BeginPurchaseListener implements ExecutionListener {

  private final PurchaseService purchases;

  public BeginPurchaseListener(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String purchaseId = purchases.begin(execution.getProcessInstanceId(), currentUser(execution));
    execution.setProcessBusinessKey(purchaseId);
    execution.setVariable(PURCHASE_ID, purchaseId);
  }
}
