package com.reservationdesk.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.AppTest;
import com.reservationdesk.partnercenter.pricelist.PriceListComputePrices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo app has exactly one source of compute prices, its price file (live mode: {@code LiveModePurchaseTest}). */
@AppTest
class ComputePricesInTheAppTest {

  @Autowired ComputePrices computePrices;

  @Test
  void theDemoAppAnswersFromItsPriceFile() {
    assertThat(computePrices).isInstanceOf(PriceListComputePrices.class);
    assertThat(computePrices.vm("westeurope", "Standard_D8_v4")).hasValueSatisfying(p -> assertThat(p.savingsPlanOneYear()).isNotNull());
  }
}
