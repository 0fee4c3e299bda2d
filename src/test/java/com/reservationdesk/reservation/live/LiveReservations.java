package com.reservationdesk.reservation.live;

import com.reservationdesk.reservation.FakeReservationServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Live reservation adapters for tests, pointed at a fake reservation server. */
final class LiveReservations {

  private LiveReservations() {}

  static LiveReservationProperties properties(FakeReservationServer fake, String secret, int customerPageSize, int maxPolls) {
    return new LiveReservationProperties(URI.create(fake.partnerCenterUrl()), FakeReservationServer.TENANT, FakeReservationServer.CLIENT_ID,
        secret, fake.tokenUri(), FakeReservationServer.PARTNER_CENTER_SCOPE, URI.create(fake.armUrl()), fake.armTokenUri(),
        FakeReservationServer.ARM_SCOPE, customerPageSize, Duration.ofSeconds(2), Duration.ofSeconds(10), 3, Duration.ofSeconds(30), maxPolls,
        Duration.ofSeconds(5), "2022-11-01", "2023-05-01");
  }

  static LiveReservationInventory connect(FakeReservationServer fake, Clock clock) {
    return connect(properties(fake, FakeReservationServer.CLIENT_SECRET, 100, 5), clock, new ArrayList<>());
  }

  /** @param waits where the adapter's waits are written instead of sleeping */
  static LiveReservationInventory connect(LiveReservationProperties properties, Clock clock, List<Duration> waits) {
    return LiveReservationConfiguration.create(properties, clock, waits::add);
  }
}
