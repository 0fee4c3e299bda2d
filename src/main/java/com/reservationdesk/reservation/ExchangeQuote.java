package com.reservationdesk.reservation;

import com.reservationdesk.common.Money;
import java.util.List;

/** Azure's answer to calculateExchange. */
public record ExchangeQuote(String sessionId, Money refundsTotal, Money purchasesTotal, Money netPayable, List<ReturnLine> returns,
    List<NewReservation> purchases, List<String> policyErrors) {}
