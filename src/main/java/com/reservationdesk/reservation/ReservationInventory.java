package com.reservationdesk.reservation;

import java.time.LocalDate;
import java.util.List;

/**
 * What the partner's customers own: their Azure reservations, how well each is used, and where its discount applies.
 * Two adapters, chosen by {@code reservation-desk.partner.mode} like Partner Center's: the embedded one (the embedded
 * Partner Center's reservation orders: every embedded checkout of a reservation makes one, and the demo seeds a few) and
 * the live one (Partner Center's reserved-instance entitlements joined with Azure Resource Manager's reservations in the
 * customer's tenant). Nothing outside this package knows which runs.
 *
 * <p>A customer id the partner does not have is refused ({@link ReservationRefusedException} with
 * {@link ReservationRefusedException.Refusal#UNKNOWN_CUSTOMER}); a source that fails throws
 * {@link ReservationsUnavailableException}, and an Azure tenant of the customer that the partner may not read
 * {@link NoTenantAccessException}.
 */
public interface ReservationInventory {

  /**
   * The customer's reservations, expired ones included (an agent asks what ran out too), sorted by purchase date, then
   * reservation order and reservation id; empty for a customer who owns none.
   */
  List<OwnedReservation> reservationsOf(String customerId);

  /**
   * Every reservation of every customer, one page at a time, for the nightly sweep: each reservation exactly once over
   * the pages, whatever the page size, in a stable order. Memory is bounded by the page, not by the partner's size.
   *
   * @param pageSize reservations per page, 1 to {@value ReservationPage#MAX_PAGE_SIZE}; a page may hold fewer and still
   *     have a continuation
   * @param continuation null for the first page, then the previous page's {@link ReservationPage#continuation()}
   */
  ReservationPage allReservations(int pageSize, String continuation);

  /**
   * How well a reservation was used, day by day (UTC days), as Azure's {@code reservationSummaries?grain=daily} says it:
   * days from {@code from} to {@code to} inclusive on which the reservation was active and that have ended or are under
   * way; none before its purchase, after its expiry or after today.
   */
  ReservationUtilization utilization(String customerId, String reservationOrderId, String reservationId, LocalDate from, LocalDate to);

  /**
   * Applies the reservation's discount to one of the customer's Azure subscriptions, or shares it across the customer's
   * billing context. Asking again for the scope it already has changes nothing and answers the same.
   *
   * @return the reservation as it now is
   * @throws ReservationRefusedException when the reservation is not the customer's, has expired or is not in effect, or
   *     the subscription is not one of the customer's active Azure subscriptions
   */
  OwnedReservation changeScope(String customerId, String reservationOrderId, String reservationId, ScopeChange change);
}
