package com.reservationdesk.reservation;

import java.util.List;

/** Returns and exchanges at Azure (placeholder until the port lands; see the returns-port branch). */
public interface ReservationReturns {

  RefundQuote quoteReturn(String customerId, ReturnLine line);

  ReturnOperation startReturn(String customerId, ReturnLine line, String sessionId, String reason, String requestId);

  ExchangeQuote quoteExchange(String customerId, List<ReturnLine> returns, List<NewReservation> purchases);

  ReturnOperation startExchange(String customerId, String sessionId, String requestId);

  ReturnOperation operation(String customerId, String operationId);
}
