package com.reservationdesk.partnercenter.live;

import com.reservationdesk.partnercenter.FakePartnerCenterServer;
import com.reservationdesk.partnercenter.PartnerProperties;
import com.reservationdesk.partnercenter.StandaloneEmbeddedPartnerCenter;
import java.net.URI;
import java.time.Duration;

/** Live adapters for tests, pointed at a fake Partner Center. */
final class LiveAdapters {

  private LiveAdapters() {}

  static LivePartnerCenterProperties properties(FakePartnerCenterServer fake, String secret, Duration readTimeout) {
    return new LivePartnerCenterProperties(URI.create(fake.baseUrl()), FakePartnerCenterServer.TENANT, FakePartnerCenterServer.CLIENT_ID,
        secret, fake.tokenUri(), "https://api.partnercenter.microsoft.com/.default", "en-US", "AzurePlan", Duration.ofSeconds(2),
        readTimeout, 3, Duration.ofSeconds(30), 100);
  }

  static LivePartnerCenter connect(FakePartnerCenterServer fake) {
    return connect(properties(fake, FakePartnerCenterServer.CLIENT_SECRET, Duration.ofSeconds(10)));
  }

  static LivePartnerCenter connect(LivePartnerCenterProperties properties) {
    return new LivePartnerCenterConfiguration().livePartnerCenter(properties,
        new PartnerProperties(PartnerProperties.PartnerModel.INDIRECT_PROVIDER, "Test partner", "live", false),
        StandaloneEmbeddedPartnerCenter.sharedCatalog());
  }
}
