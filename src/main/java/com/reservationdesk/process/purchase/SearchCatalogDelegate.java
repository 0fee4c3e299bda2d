package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.catalog.CatalogSearchResult;
import com.reservationdesk.purchase.PurchaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Finds the reservations matching the agent's filter, cheapest first, for the results form. */
@Component("searchCatalog")
public class SearchCatalogDelegate implements JavaDelegate {

  private final PurchaseService purchases;

  public SearchCatalogDelegate(PurchaseService purchases) {
    this.purchases = purchases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CatalogSearchResult result = purchases.findOffers(execution.getProcessInstanceId(), FilterForm.read(variables(execution, FilterForm.KEYS)));
    setJson(execution, RESERVATION_RESULTS, ReservationRows.of(result.offers()));
    execution.setVariable(RESERVATION_RESULT_COUNT, result.offers().size());
    execution.setVariable(RESERVATION_RESULT_MESSAGE, result.message());
    execution.setVariable(PRICE_NOTE, result.priceNote());
  }
}
