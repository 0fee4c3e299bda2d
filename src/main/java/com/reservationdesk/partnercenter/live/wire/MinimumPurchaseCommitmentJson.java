package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.reservationdesk.partnercenter.PurchaseCommitment;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A savings plan SKU's {@code minimumPurchaseCommitment}, in the catalog's shape, which is not the cart's:
 * {@code {"grain": "Hourly", "currencyCode": {"code": "USD", "symbol": "$"}, "amount": "0.001"}}, the amount a string
 * (learn.microsoft.com/partner-center/developer/azure-purchase-savings-plan, "Get a SKU by ID").
 */
public record MinimumPurchaseCommitmentJson(
    String grain,
    AvailabilityJson.Currency currencyCode,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {

  /** Partner Center's catalog capitalises the grain. */
  static MinimumPurchaseCommitmentJson of(PurchaseCommitment minimum) {
    return minimum == null ? null : new MinimumPurchaseCommitmentJson("Hourly", new AvailabilityJson.Currency(minimum.currencyCode(), ""),
        minimum.amount());
  }

  PurchaseCommitment toCommitment() {
    return new PurchaseCommitment(amount, grain == null ? null : grain.toLowerCase(Locale.ROOT),
        PurchaseCommitment.currency(currencyCode == null ? null : currencyCode.code()));
  }
}
