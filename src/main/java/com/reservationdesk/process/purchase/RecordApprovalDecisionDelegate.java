package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.process.purchase.Actions.ApprovalDecision;
import com.reservationdesk.process.purchase.Decisions.ApprovalResult;
import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the approver's decision; a rejection goes back to the agent's review with the reason. */
@Component("recordApprovalDecision")
public class RecordApprovalDecisionDelegate implements JavaDelegate {

  private final PurchaseService purchases;

  public RecordApprovalDecisionDelegate(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApprovalDecision decision = Actions.read(ApprovalDecision.class, execution.getVariable(APPROVAL_DECISION));
    String reason = string(execution, REJECTION_REASON);
    String approver = currentUser(execution);
    // Four eyes against the purchase's records (who started it, who chose to buy), not a variable.
    purchases.decideApproval(execution.getProcessInstanceId(), decision == ApprovalDecision.APPROVE, reason, approver);
    boolean approved = decision == ApprovalDecision.APPROVE;
    setDecision(execution, APPROVAL_RESULT, approved ? ApprovalResult.APPROVED : ApprovalResult.REJECTED);
    execution.setVariable(REVIEW_NOTE, approved ? null
        : "Rejected by " + (approver == null ? "an approver" : approver) + ": " + reason.trim());
    execution.removeVariable(APPROVAL_DECISION);
    execution.removeVariable(REJECTION_REASON);
  }
}
