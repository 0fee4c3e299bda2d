package com.reservationdesk.partnercenter.live;

import com.reservationdesk.partnercenter.FakePartnerCenterServer;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.PartnerCenterContract;
import org.junit.jupiter.api.AfterAll;

/** The shared contract, on the live adapter over HTTP against the fake Partner Center. */
class LivePartnerCenterContractTest extends PartnerCenterContract {

  private final FakePartnerCenterServer fake = new FakePartnerCenterServer();
  private final LivePartnerCenter live = LiveAdapters.connect(fake);

  @Override
  protected PartnerCenter partnerCenter() {
    return live;
  }

  @AfterAll
  void stop() {
    fake.close();
  }
}
