package com.reservationdesk.reservation;

import com.reservationdesk.common.Money;
import java.util.List;

/**
 * What Azure would refund and charge for an exchange: {@code calculateExchange}'s result
 * (learn.microsoft.com/rest/api/reserved-vm-instances/calculate-exchange/post), amounts in the customer's billing currency.
 *
 * @param sessionId what {@link ReservationReturns#startExchange} needs, valid for a short time; null when Azure reports
 *     policy errors
 * @param netPayable what the customer pays on top: purchases less refunds (never below zero: Azure refuses such an exchange)
 * @param policyErrors Azure's policy errors in words; empty when the exchange may go ahead
 */
public record ExchangeQuote(String sessionId, Money refundsTotal, Money purchasesTotal, Money netPayable, List<ReturnLine> returns,
    List<NewReservation> purchases, List<String> policyErrors) {

  public ExchangeQuote {
    returns = List.copyOf(returns);
    purchases = List.copyOf(purchases);
    policyErrors = policyErrors == null ? List.of() : List.copyOf(policyErrors);
  }
}
