package com.reservationdesk.pricing.retail;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.partnercenter.StandaloneEmbeddedPartnerCenter;
import com.reservationdesk.partnercenter.pricelist.PriceListComputePrices;
import com.reservationdesk.partnercenter.pricelist.RetailPriceList;
import com.reservationdesk.pricing.ComputePrices;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code reservation-desk.partner.mode} chooses the compute prices as it chooses Partner Center: the price file's in
 * embedded mode (the default), the Retail Prices API in live mode, whose settings are checked at start.
 */
class ComputePricesSelectionTest {

  private final ApplicationContextRunner app = new ApplicationContextRunner()
      .withBean(RetailPriceList.class, StandaloneEmbeddedPartnerCenter::sharedCatalog)
      .withUserConfiguration(PriceListComputePrices.class, RetailPricesApiConfiguration.class);

  @Test
  void embeddedModeAndNoModeAtAllReadTheCommittedPriceFile() {
    app.run(context -> assertThat(context).getBean(ComputePrices.class).isInstanceOf(PriceListComputePrices.class));
    app.withPropertyValues("reservation-desk.partner.mode=embedded")
        .run(context -> assertThat(context).getBean(ComputePrices.class).isInstanceOf(PriceListComputePrices.class));
  }

  @Test
  void liveModeAsksTheRetailPricesApi_atItsPublicAddressUnlessToldOtherwise() {
    app.withPropertyValues("reservation-desk.partner.mode=live").run(context -> {
      assertThat(context).getBean(ComputePrices.class).isInstanceOf(RetailPricesApiComputePrices.class);
      assertThat(context.getBean(RetailPricesApiProperties.class).baseUrl()).hasToString("https://prices.azure.com/api/retail/prices");
    });
  }

  @Test
  void liveModeRefusesToStartWithABaseUrlThatIsNotOne_namingTheSetting() {
    app.withPropertyValues("reservation-desk.partner.mode=live", "reservation-desk.retail-prices.base-url=prices.azure.com/api")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("reservation-desk.retail-prices.base-url").hasMessageContaining("RESERVATION_DESK_RETAIL_PRICES_BASE_URL"));
    app.withPropertyValues("reservation-desk.partner.mode=live", "reservation-desk.retail-prices.cache-for=PT0S")
        .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("reservation-desk.retail-prices.cache-for"));
  }
}
