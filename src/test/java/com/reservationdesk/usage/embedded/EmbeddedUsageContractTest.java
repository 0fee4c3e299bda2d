package com.reservationdesk.usage.embedded;

import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.usage.StandaloneEmbeddedUsage;
import com.reservationdesk.usage.UsageSource;
import com.reservationdesk.usage.UsageSourceContract;

/** The shared contract, on the embedded adapter itself. */
class EmbeddedUsageContractTest extends UsageSourceContract {

  private final StandaloneEmbeddedUsage embedded = new StandaloneEmbeddedUsage(CLOCK);

  @Override
  protected UsageSource usage() {
    return embedded.usage();
  }

  @Override
  protected PartnerCenter partnerCenter() {
    return embedded.partnerCenter();
  }
}
