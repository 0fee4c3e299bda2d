package com.reservationdesk.reservation;

import java.util.List;
import java.util.Optional;

/**
 * What other features add to the reservations page without this package knowing them: a line about a customer (under
 * the heading of the customer's page) and lines in a reservation's history. The returns ledger is one.
 */
public interface ReservationPageNotes {

  default Optional<String> aboutCustomer(String customerId) {
    return Optional.empty();
  }

  default List<String> aboutReservation(String reservationId) {
    return List.of();
  }
}
