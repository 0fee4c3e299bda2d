package com.reservationdesk.partnercenter;

import java.math.BigDecimal;

/**
 * A savings plan cart line's {@code purchaseCommitment}: what the customer commits to spend, per hour, in its currency.
 *
 * @param grain {@code hourly}, the only grain Partner Center sells savings plans by
 */
public record PurchaseCommitment(BigDecimal amount, String grain, String currencyCode) {

  public static final String HOURLY = "hourly";

  public static PurchaseCommitment hourly(BigDecimal amount, String currencyCode) {
    return new PurchaseCommitment(amount, HOURLY, currencyCode);
  }
}
