package com.reservationdesk.process.purchase;

import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.catalog.CatalogFilter;
import com.reservationdesk.catalog.CatalogSearchResult;
import com.reservationdesk.catalog.ReservationOffer;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.common.Option;
import com.reservationdesk.partnercenter.ReservationSku;
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
    CatalogFilter filter = CatalogFilter.fromForm(variables(execution, CatalogFilter.FORM_KEYS));
    CatalogSearchResult result = purchases.findOffers(execution.getProcessInstanceId(), filter);
    setJson(execution, RESERVATION_RESULTS, result.offers().stream().map(SearchCatalogDelegate::row).toList());
    execution.setVariable(RESERVATION_RESULT_COUNT, result.offers().size());
    execution.setVariable(RESERVATION_RESULT_MESSAGE, result.message());
    execution.setVariable(PRICE_NOTE, result.priceNote());
  }

  static Option option(ReservationOffer offer) {
    ReservationSku sku = offer.sku();
    String label = sku.displayName() + " \u00b7 " + sku.regionDisplayName() + " \u00b7 " + Term.label(sku.termDuration())
        + " \u2014 " + price(offer);
    return new Option(offer.isRestricted() ? label + " \u2014 NOT AVAILABLE for this subscription" : label, offer.reference());
  }

  static Map<String, Object> row(ReservationOffer offer) {
    ReservationSku sku = offer.sku();
    Map<String, Object> row = new LinkedHashMap<>();
    // One list serves the table and the select: the select reads label and value, the table its columns.
    Option option = option(offer);
    row.put("label", option.label());
    row.put("value", option.value());
    row.put("reservation", sku.displayName() + " \u00b7 " + sku.regionDisplayName() + " \u00b7 " + Term.label(sku.termDuration()));
    row.put("details", details(sku));
    row.put("price", offer.unitPrice().format() + " (" + offer.monthlyPrice().format() + " a month)");
    row.put("saving", saving(offer));
    row.put("availability", offer.isRestricted() ? "NOT AVAILABLE (why: above)" : "Available");
    return row;
  }

  private static String details(ReservationSku sku) {
    return switch (sku.type()) {
      case VIRTUAL_MACHINES -> sku.vmSize().vCpus() + " vCPUs, " + sku.vmSize().memoryGiB().stripTrailingZeros().toPlainString()
          + " GiB \u00b7 flexibility " + sku.vmSize().flexibilityGroup() + " \u00d7"
          + sku.vmSize().flexibilityRatio().stripTrailingZeros().toPlainString();
      case SQL_DATABASE -> "per vCore \u00b7 " + sku.tier() + " \u00b7 " + sku.deployment();
      case COSMOS_DB -> "per 100 RU/s \u00b7 " + sku.tier() + " \u00b7 applies in every region";
    };
  }

  private static String price(ReservationOffer offer) {
    return switch (offer.billingPlan()) {
      case UPFRONT -> offer.unitPrice().format() + " upfront";
      case MONTHLY -> offer.monthlyPrice().format() + "/month (" + offer.unitPrice().format() + " in total)";
    };
  }

  /** The 3-year saving against 1 year; a 5-year SKU shows its own. */
  private static String saving(ReservationOffer offer) {
    return switch (Term.of(offer.sku().termDuration())) {
      case ONE_YEAR -> offer.threeYearSaving() == null ? "no 3-year term" : "3 years: \u2212" + offer.threeYearSaving() + " % a month";
      case THREE_YEARS -> offer.threeYearSaving() == null ? "\u2014" : "\u2212" + offer.threeYearSaving() + " % a month vs 1 year";
      case FIVE_YEARS -> offer.fiveYearSaving() == null ? "\u2014" : "\u2212" + offer.fiveYearSaving() + " % a month vs 1 year";
    };
  }
}
