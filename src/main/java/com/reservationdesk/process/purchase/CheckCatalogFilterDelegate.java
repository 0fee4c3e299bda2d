package com.reservationdesk.process.purchase;

import com.reservationdesk.catalog.CatalogFilter;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the filter form's values while the agent's task completes: a bad value is refused with a
 * sentence and the filter task stays open, instead of failing in the search job that follows.
 */
@Component("checkCatalogFilter")
public class CheckCatalogFilterDelegate implements JavaDelegate {

  private final PurchaseService purchases;

  public CheckCatalogFilterDelegate(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if ("cancel".equals(string(execution, FILTER_ACTION))) {
      return;
    }
    purchases.checkFilter(execution.getProcessInstanceId(), CatalogFilter.fromForm(variables(execution, CatalogFilter.FORM_KEYS)));
  }
}
