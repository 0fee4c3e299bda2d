package com.reservationdesk.partnercenter.embedded;

import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.PartnerCenterContract;
import com.reservationdesk.partnercenter.StandaloneEmbeddedPartnerCenter;

/** The shared contract, on the embedded adapter itself. */
class EmbeddedPartnerCenterContractTest extends PartnerCenterContract {

  private final StandaloneEmbeddedPartnerCenter embedded = new StandaloneEmbeddedPartnerCenter();

  @Override
  protected PartnerCenter partnerCenter() {
    return embedded.partnerCenter();
  }
}
