package com.reservationdesk.process.purchase;

import com.reservationdesk.catalog.ReservationLabel;
import com.reservationdesk.catalog.ReservationOffer;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.Term;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The search results as the ChooseReservation form shows them: one list serves the table and the select. */
final class ReservationRows {

  private ReservationRows() {}

  static List<Map<String, Object>> of(List<ReservationOffer> offers) {
    return offers.stream().map(ReservationRows::row).toList();
  }

  static Map<String, Object> row(ReservationOffer offer) {
    ReservationSku sku = offer.sku();
    String reservation = ReservationLabel.of(sku.displayName(), sku.regionDisplayName(), sku.termDuration());
    String label = reservation + " \u2014 " + price(offer);
    Map<String, Object> row = new LinkedHashMap<>();
    // The select reads label and value, the table its columns.
    row.put("label", offer.isRestricted() ? label + " \u2014 NOT AVAILABLE for this subscription" : label);
    row.put("value", offer.reference());
    row.put("reservation", reservation);
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
      case SAVINGS_PLAN -> "an hourly commitment, every region and size";
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
