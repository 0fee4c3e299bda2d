package com.reservationdesk.reservation;

import java.util.List;

/**
 * Returning and exchanging a customer's Azure reservations, as Azure's reservation order API does it
 * ({@code Microsoft.Capacity}, api-version 2022-11-01): a quote first ({@code calculateRefund}, {@code calculateExchange}),
 * which gives a session id valid for a short time, then the return or exchange with that session, a long-running operation
 * the caller polls. Two adapters, chosen by {@code reservation-desk.partner.mode} like {@link ReservationInventory}'s: the
 * embedded one (the embedded Partner Center's reservation orders, with an embedded Azure's sessions and operations) and the
 * live one (Azure Resource Manager in the customer's tenant). Nothing outside this package knows which runs.
 *
 * <p>Neither adapter keeps the partner's refund budget (USD 50,000 in 12 months per customer): Reservation Desk's own
 * ledger does. Azure's figures of it come back with a refund quote, for information.
 *
 * <p>A customer id the partner does not have is refused ({@link ReservationRefusedException} with
 * {@link ReservationRefusedException.Refusal#UNKNOWN_CUSTOMER}), and so is anything an agent can act on (a reservation that
 * is not the customer's or cannot be returned, a quantity it does not hold, a stale quote, an exchange below the returned
 * value, Azure's refund policy), each with its {@link ReservationRefusedException.Refusal}. A source that fails throws
 * {@link ReservationsUnavailableException}, and an Azure tenant of the customer that refuses the partner
 * {@link NoTenantAccessException}.
 */
public interface ReservationReturns {

  /**
   * What Azure would refund for returning {@code quantity} of one reservation ({@code calculateRefund}; changes nothing): the
   * refund in the customer's billing currency and in Azure's pricing currency, and Azure's refund-policy figures. A quote
   * without policy errors has a session id for {@link #startReturn}; one with policy errors has none.
   *
   * @throws ReservationRefusedException when the reservation is not the customer's, is not in effect (expired, cancelled,
   *     still being created), or holds less than {@code quantity} (or the quantity is below 1)
   */
  RefundQuote quoteReturn(String customerId, ReturnLine line);

  /**
   * Returns what the quote priced ({@code return} with the quote's session id). {@code requestId} is saved by the caller
   * before the call and reused on a retry: the same request id never returns twice. The embedded adapter keeps it as a
   * unique key and answers a repeated request with its first operation; the live one sends it as
   * {@code x-ms-client-request-id}, and Azure's session is single-use, so a retry after Azure accepted the first either
   * gets the same operation or a refused session, never a second return.
   *
   * @param line the same line as the quote's
   * @param reason Azure's {@code returnReason}, in the agent's words
   * @return the long-running operation, which may already be done
   * @throws ReservationRefusedException when the session is unknown, expired, used or of another line, when the reservation
   *     can no longer be returned, or when Azure's refund policy refuses it
   */
  ReturnOperation startReturn(String customerId, ReturnLine line, String sessionId, String reason, String requestId);

  /**
   * What Azure would refund and charge for returning {@code returns} and buying {@code purchases} in one exchange
   * ({@code calculateExchange}; changes nothing). A long-running operation at Azure: the live adapter follows it to the end,
   * at most {@code max-polls} times.
   *
   * @throws ReservationRefusedException when a returned reservation cannot be returned as asked, a new reservation is not
   *     sold or its subscription is not one of the customer's active Azure subscriptions, or the new commitment is below the
   *     refund of what is returned (Azure's rule)
   */
  ExchangeQuote quoteExchange(String customerId, List<ReturnLine> returns, List<NewReservation> purchases);

  /**
   * Exchanges as the quote said ({@code exchange} with the quote's session id), under the same request id rule as
   * {@link #startReturn}.
   *
   * @return the long-running operation, which may already be done; once done it names the new reservation orders
   */
  ReturnOperation startExchange(String customerId, String sessionId, String requestId);

  /**
   * Where an operation started by {@link #startReturn} or {@link #startExchange} stands, by the id it returned (the live
   * adapter's is Azure's operation address). Changes nothing of the customer's.
   *
   * @throws ReservationRefusedException when the customer has no such operation
   */
  ReturnOperation operation(String customerId, String operationId);
}
