package com.reservationdesk.reservation.live;

import com.reservationdesk.reservation.FakeReservationServer;
import com.reservationdesk.reservation.ReservationReturns;
import com.reservationdesk.reservation.ReservationReturnsContract;
import com.reservationdesk.reservation.StandaloneEmbeddedReservations;
import org.junit.jupiter.api.AfterAll;

/** The returns contract, on the live adapter over HTTP against the fake reservation server. */
class LiveReservationReturnsContractTest extends ReservationReturnsContract {

  private final FakeReservationServer fake = new FakeReservationServer(clock);
  private final LiveReservationReturns live = new LiveReservationReturns(LiveReservations.connect(fake, clock));

  @Override
  protected ReservationReturns returns() {
    return live;
  }

  @Override
  protected StandaloneEmbeddedReservations backend() {
    return fake.backend();
  }

  @AfterAll
  void stop() {
    fake.close();
  }
}
