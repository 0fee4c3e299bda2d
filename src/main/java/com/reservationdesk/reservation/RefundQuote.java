package com.reservationdesk.reservation;

import com.reservationdesk.common.Money;
import java.util.List;

/**
 * What Azure would refund for a return: {@code calculateRefund}'s answer (learn.microsoft.com/rest/api/reserved-vm-instances/
 * calculate-refund/post).
 *
 * @param sessionId what {@link ReservationReturns#startReturn} needs, valid for a short time; null when Azure reports
 *     policy errors (the return cannot be started)
 * @param billingRefundAmount the refund in the customer's billing currency
 * @param pricingRefundAmount the same in Azure's pricing currency (USD)
 * @param consumedRefundsTotal what Azure counts as already refunded in the refund window (its {@code policyResult})
 * @param maxRefundLimit Azure's refund limit of the window (USD 50,000); Reservation Desk's own ledger enforces the budget
 * @param policyErrors Azure's refund-policy errors in words; empty when the return may go ahead
 */
public record RefundQuote(String sessionId, ReturnLine line, Money billingRefundAmount, Money pricingRefundAmount,
    Money consumedRefundsTotal, Money maxRefundLimit, List<String> policyErrors) {

  public RefundQuote {
    policyErrors = policyErrors == null ? List.of() : List.copyOf(policyErrors);
  }
}
