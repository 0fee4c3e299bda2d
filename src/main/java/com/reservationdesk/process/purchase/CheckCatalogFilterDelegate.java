package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.process.purchase.Actions.FilterAction;
import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks the filter form's values while the agent's task completes: a bad value is refused with a
 * sentence and the filter task stays open, instead of failing in the search job that follows. */
@Component("checkCatalogFilter")
public class CheckCatalogFilterDelegate implements JavaDelegate {

  private final PurchaseService purchases;

  public CheckCatalogFilterDelegate(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The form's action defaults to search; the model's gateway reads it the same way.
    Object action = execution.getVariable(FILTER_ACTION);
    if (action != null && Actions.read(FilterAction.class, action) == FilterAction.CANCEL) {
      return;
    }
    purchases.checkFilter(execution.getProcessInstanceId(), FilterForm.read(variables(execution, FilterForm.KEYS)));
  }
}
