package com.reservationdesk.reservation.live;

import com.reservationdesk.reservation.FakeReservationServer;
import com.reservationdesk.reservation.ReservationInventory;
import com.reservationdesk.reservation.ReservationInventoryContract;
import com.reservationdesk.reservation.StandaloneEmbeddedReservations;
import org.junit.jupiter.api.AfterAll;

/** The shared contract, on the live adapter over HTTP against the fake reservation server. */
class LiveReservationContractTest extends ReservationInventoryContract {

  private final FakeReservationServer fake = new FakeReservationServer(CLOCK);
  private final LiveReservationInventory live = LiveReservations.connect(fake, CLOCK);

  @Override
  protected ReservationInventory inventory() {
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
