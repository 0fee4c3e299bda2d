package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.purchase.ApprovalView;
import com.reservationdesk.purchase.Purchase;
import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When the approval task is created: writes what the approver reads as the task's own (local) variables,
 * made from the purchase's records. The requester has no right on this task, and local variables shadow
 * any process variable of the same name, so nothing the requester sent can change what the approver sees.
 */
@Component("prepareApproval")
public class PrepareApprovalListener implements TaskListener {

  private final PurchaseService purchases;

  public PrepareApprovalListener(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void notify(DelegateTask task) {
    Object reason = task.getExecution().getVariable(APPROVAL_REASON);
    ApprovalView view = purchases.prepareApproval(task.getProcessInstanceId(), reason == null ? null : reason.toString());
    Purchase purchase = view.purchase();
    task.setVariableLocal(REQUESTED_BY, view.requestedBy());
    task.setVariableLocal(CUSTOMER_NAME, purchase.customerName());
    task.setVariableLocal(SUBSCRIPTION_NAME, purchase.subscriptionName());
    task.setVariableLocal(APPROVAL_REASON, view.reason());
    task.setVariableLocal(SCOPE, purchase.scope() == null ? null : purchase.scope().apiName());
    task.setVariableLocal(RESELLER_NAME, purchase.resellerName());
    task.setVariableLocal(RESELLER_MPN_ID, purchase.resellerMpnId());
    CartRows.writeLocal(task, view.cart());
  }
}
