package com.reservationdesk.refund;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's refund budget now: the limit, what submitted returns within the window hold of it, and what is left.
 *
 * @param since the first day of the rolling window
 */
public record RefundBudget(String customerId, BigDecimal limitUsd, BigDecimal usedUsd, BigDecimal leftUsd, int windowDays,
    LocalDate since, int returns) {

  public String describe() {
    return "USD " + Amounts.usd(usedUsd) + " of USD " + Amounts.usd(limitUsd) + " used since " + since + " (" + returns
        + (returns == 1 ? " return" : " returns") + "), USD " + Amounts.usd(leftUsd) + " left";
  }
}
