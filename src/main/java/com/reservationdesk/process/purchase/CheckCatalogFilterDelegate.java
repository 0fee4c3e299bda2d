package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.process.purchase.Actions.FilterAction;
import com.reservationdesk.process.purchase.Decisions.FilterDecision;
import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the filter form's values while the agent's task completes: a bad value is refused with a sentence and the
 * filter task stays open, instead of failing in the search job that follows. A savings plan has no catalog to
 * search: its commitment is checked and it goes into the cart at once.
 */
@Component("checkCatalogFilter")
public class CheckCatalogFilterDelegate implements JavaDelegate {

  private final PurchaseService purchases;

  public CheckCatalogFilterDelegate(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The form's action defaults to search.
    Object action = execution.getVariable(FILTER_ACTION);
    if (action != null && Actions.read(FilterAction.class, action) == FilterAction.CANCEL) {
      setDecision(execution, FILTER_DECISION, FilterDecision.CANCEL);
      return;
    }
    if (FilterForm.isSavingsPlan(execution.getVariable(PRODUCT_TYPE))) {
      CartRows.write(execution, purchases.addSavingsPlan(execution.getProcessInstanceId(),
          FormValues.savingsPlanTerm(execution.getVariable(SAVINGS_PLAN_TERM)),
          FormValues.number(execution.getVariable(SAVINGS_PLAN_COMMITMENT)), FormValues.billingPlan(execution.getVariable(BILLING_PLAN))));
      setDecision(execution, FILTER_DECISION, FilterDecision.SAVINGS_PLAN_ADDED);
      return;
    }
    purchases.checkFilter(execution.getProcessInstanceId(), FilterForm.read(variables(execution, FilterForm.KEYS)));
    setDecision(execution, FILTER_DECISION, FilterDecision.SEARCH);
  }
}
