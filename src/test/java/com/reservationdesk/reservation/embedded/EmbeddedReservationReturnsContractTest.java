package com.reservationdesk.reservation.embedded;

import com.reservationdesk.reservation.ReservationReturns;
import com.reservationdesk.reservation.ReservationReturnsContract;
import com.reservationdesk.reservation.StandaloneEmbeddedReservations;

/** The returns contract, on the embedded adapter itself. */
class EmbeddedReservationReturnsContractTest extends ReservationReturnsContract {

  private final StandaloneEmbeddedReservations embedded = new StandaloneEmbeddedReservations(clock);

  @Override
  protected ReservationReturns returns() {
    return embedded.returns();
  }

  @Override
  protected StandaloneEmbeddedReservations backend() {
    return embedded;
  }
}
