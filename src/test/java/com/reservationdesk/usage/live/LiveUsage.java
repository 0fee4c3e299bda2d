package com.reservationdesk.usage.live;

import com.reservationdesk.usage.FakeUsageServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.core.io.ClassPathResource;

/** Live usage adapters for tests, pointed at a fake usage server. */
final class LiveUsage {

  private LiveUsage() {}

  static LiveUsageProperties properties(FakeUsageServer fake, String secret, Duration cacheFor) {
    return new LiveUsageProperties(URI.create(fake.partnerCenterUrl()), FakeUsageServer.TENANT, FakeUsageServer.CLIENT_ID, secret,
        fake.tokenUri(), FakeUsageServer.PARTNER_CENTER_SCOPE, URI.create(fake.armUrl()), fake.armTokenUri(), FakeUsageServer.ARM_SCOPE,
        "USD", 2000, cacheFor, Duration.ofSeconds(2), Duration.ofSeconds(10), 3, Duration.ofSeconds(30),
        new ClassPathResource("partnercenter/catalog/azure-regions.csv"), new ClassPathResource("partnercenter/catalog/vm-sizes.csv"));
  }

  static LiveUsageSource connect(FakeUsageServer fake, Clock clock) {
    return connect(properties(fake, FakeUsageServer.CLIENT_SECRET, Duration.ofHours(1)), clock);
  }

  static LiveUsageSource connect(LiveUsageProperties properties, Clock clock) {
    return LiveUsageConfiguration.create(properties, clock, duration -> { });
  }
}
