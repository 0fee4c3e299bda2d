package com.reservationdesk.usage.live;

import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.usage.FakeUsageServer;
import com.reservationdesk.usage.UsageSource;
import com.reservationdesk.usage.UsageSourceContract;
import org.junit.jupiter.api.AfterAll;

/** The shared contract, on the live adapter over HTTP against the fake usage server. */
class LiveUsageContractTest extends UsageSourceContract {

  private final FakeUsageServer fake = new FakeUsageServer(CLOCK);
  private final LiveUsageSource live = LiveUsage.connect(fake, CLOCK);

  @Override
  protected UsageSource usage() {
    return live;
  }

  @Override
  protected PartnerCenter partnerCenter() {
    return fake.backend().partnerCenter();
  }

  @AfterAll
  void stop() {
    fake.close();
  }
}
