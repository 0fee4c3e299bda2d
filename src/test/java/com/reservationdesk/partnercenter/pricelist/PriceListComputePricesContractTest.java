package com.reservationdesk.partnercenter.pricelist;

import com.reservationdesk.partnercenter.StandaloneEmbeddedPartnerCenter;
import com.reservationdesk.pricing.ComputePrices;
import com.reservationdesk.pricing.ComputePricesContract;

/** The compute price contract, on the embedded mode's adapter: the pay-as-you-go rows of the committed price file. */
class PriceListComputePricesContractTest extends ComputePricesContract {

  private final PriceListComputePrices prices = new PriceListComputePrices(StandaloneEmbeddedPartnerCenter.sharedCatalog());

  @Override
  protected ComputePrices computePrices() {
    return prices;
  }
}
