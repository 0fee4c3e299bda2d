package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.reservationdesk.partnercenter.PurchaseCommitment;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A savings plan's {@code purchaseCommitment} on a cart line and an order line, as Partner Center's examples write it:
 * {@code {"amount": 0.05, "grain": "hourly", "currency": "usd"}}, the amount a JSON number and the currency in lower case
 * (learn.microsoft.com/partner-center/developer/azure-purchase-savings-plan, "Create cart", "Checkout cart", "Get an order
 * by ID"). Read with {@code currencyCode} too, the name the catalog and the domain notes use.
 */
public record PurchaseCommitmentJson(BigDecimal amount, String grain, @JsonAlias("currencyCode") String currency) {

  /** null for a line without one (a reservation's, an Azure plan's). */
  static PurchaseCommitmentJson of(PurchaseCommitment commitment) {
    return commitment == null ? null : new PurchaseCommitmentJson(commitment.amount(), commitment.grain(),
        commitment.currencyCode() == null ? null : commitment.currencyCode().toLowerCase(Locale.ROOT));
  }

  static PurchaseCommitment toCommitment(PurchaseCommitmentJson commitment) {
    return commitment == null ? null : new PurchaseCommitment(commitment.amount(),
        commitment.grain() == null ? null : commitment.grain().toLowerCase(Locale.ROOT), PurchaseCommitment.currency(commitment.currency()));
  }
}
