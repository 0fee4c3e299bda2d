package com.reservationdesk.reservation.embedded;

import com.reservationdesk.reservation.ReservationInventory;
import com.reservationdesk.reservation.ReservationInventoryContract;
import com.reservationdesk.reservation.StandaloneEmbeddedReservations;

/** The shared contract, on the embedded adapter itself. */
class EmbeddedReservationContractTest extends ReservationInventoryContract {

  private final StandaloneEmbeddedReservations embedded = new StandaloneEmbeddedReservations(CLOCK);

  @Override
  protected ReservationInventory inventory() {
    return embedded.inventory();
  }

  @Override
  protected StandaloneEmbeddedReservations backend() {
    return embedded;
  }
}
