package com.reservationdesk.catalog;

import static com.reservationdesk.process.PurchaseVariables.*;

import com.reservationdesk.common.Money;
import com.reservationdesk.common.Option;
import com.reservationdesk.purchase.PurchaseService;
import java.util.LinkedHashMap;
import java.util.Map;
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
    CatalogFilter filter = new CatalogFilter(string(execution, REGION), string(execution, SIZE_FILTER),
        string(execution, TERM), string(execution, BILLING_PLAN));
    CatalogSearchResult result = purchases.findOffers(string(execution, PURCHASE_ID), filter);
    setJson(execution, RESERVATION_OPTIONS, result.offers().stream().map(SearchCatalogDelegate::option).toList());
    setJson(execution, RESERVATION_RESULTS, result.offers().stream().map(SearchCatalogDelegate::row).toList());
    execution.setVariable(RESERVATION_RESULT_COUNT, result.offers().size());
    execution.setVariable(RESERVATION_RESULT_MESSAGE, result.message());
  }

  static Option option(ReservationOffer offer) {
    return new Option(offer.sku().armSkuName() + " \u00b7 " + offer.sku().regionDisplayName() + " \u00b7 "
        + Terms.label(offer.sku().termDuration()) + " \u2014 " + price(offer), offer.reference());
  }

  static Map<String, Object> row(ReservationOffer offer) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("size", offer.sku().armSkuName());
    row.put("vcpus", offer.sku().cores());
    row.put("memoryGb", offer.sku().ramGb().stripTrailingZeros().toPlainString());
    row.put("region", offer.sku().regionDisplayName());
    row.put("term", Terms.label(offer.sku().termDuration()));
    row.put("price", price(offer));
    return row;
  }

  private static String price(ReservationOffer offer) {
    Money total = new Money(offer.sku().listPrice(), offer.sku().currency());
    return switch (offer.billingPlan()) {
      case UPFRONT -> total.format() + " upfront";
      case MONTHLY -> new Money(offer.monthlyPrice(), offer.sku().currency()).format() + "/month (" + total.format() + " in total)";
    };
  }
}
