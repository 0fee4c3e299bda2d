package com.reservationdesk.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.StandaloneEmbeddedPartnerCenter;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a recommendation relies on from compute prices, run against both adapters: the price file's (embedded mode) and
 * the Retail Prices API's (live mode, over HTTP against the fake API serving the same demo rows). A behaviour only one of
 * them has fails here, so the two cannot drift apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ComputePricesContract {

  private static final BigDecimal HOURS_A_YEAR = new BigDecimal(8760);

  /** The adapter under test. */
  protected abstract ComputePrices computePrices();

  @Test
  void aKnownSizeAndRegionHasItsLinuxPayAsYouGoAndBothSavingsPlanPricesInUsd() {
    // The demo price file's Linux row of Standard_D4s_v5 in eastus; its Windows, Spot and Low Priority rows cost otherwise.
    assertThat(computePrices().vm("eastus", "Standard_D4s_v5")).hasValueSatisfying(prices -> {
      assertThat(prices.armRegionName()).isEqualTo("eastus");
      assertThat(prices.armSkuName()).isEqualTo("Standard_D4s_v5");
      assertThat(prices.payAsYouGo()).isEqualByComparingTo("0.2002");
      assertThat(prices.savingsPlanOneYear()).isEqualByComparingTo("0.15894");
      assertThat(prices.savingsPlanThreeYears()).isEqualByComparingTo("0.12215");
      assertThat(prices.savingsPlan(3)).isEqualTo(prices.savingsPlanThreeYears());
      assertThat(prices.currency()).isEqualTo("USD");
    });
  }

  @Test
  void regionNamesMatchInAnyCase() {
    assertThat(computePrices().vm("EastUS", "Standard_D4s_v5")).isEqualTo(computePrices().vm("eastus", "Standard_D4s_v5"));
  }

  @ParameterizedTest(name = "{1} in {0}")
  @CsvSource({
      "eastus, Standard_D4s_v5", "westus, Standard_E16s_v5", "eastus, Standard_M8ms", "westeurope, Standard_NC6s_v3",
      "japaneast, Standard_B2ms", "westus, Standard_DC48s_v3"})
  void aSavingsPlanCostsLessThanPayAsYouGoAndMoreThanTheReservationOfItsTerm(String region, String size) {
    VmHourlyPrices prices = computePrices().vm(region, size).orElseThrow();
    for (int years : new int[] {1, 3}) {
      BigDecimal reservationHour = reservation(region, size, years).listPrice()
          .divide(HOURS_A_YEAR.multiply(BigDecimal.valueOf(years)), MathContext.DECIMAL64);
      assertThat(prices.savingsPlan(years)).as("%d-year savings plan", years)
          .isLessThan(prices.payAsYouGo())
          .isGreaterThan(reservationHour);
    }
  }

  @Test
  void aSizeNoSavingsPlanCoversHasPayAsYouGoOnly() {
    assertThat(computePrices().vm("eastus", "Standard_HB120rs_v2")).hasValueSatisfying(prices -> {
      assertThat(prices.payAsYouGo()).isPositive();
      assertThat(prices.savingsPlanOneYear()).isNull();
      assertThat(prices.savingsPlanThreeYears()).isNull();
    });
  }

  @Test
  void anUnknownSizeOrRegionHasNoPrices() {
    assertThat(computePrices().vm("eastus", "Standard_Q8_v9")).isEmpty();
    assertThat(computePrices().vm("atlantis", "Standard_D4s_v5")).isEmpty();
    // A family sold only elsewhere: DCsv3 has no row in australiaeast.
    assertThat(computePrices().vm("australiaeast", "Standard_DC8s_v3")).isEmpty();
  }

  @Test
  void namesThatCannotBeAzureNamesHaveNoPrices() {
    assertThat(computePrices().vm("eastus", "Standard_D4s_v5' or armSkuName ne '")).isEmpty();
    assertThat(computePrices().vm("east us", "Standard_D4s_v5")).isEmpty();
    assertThat(computePrices().vm(null, "Standard_D4s_v5")).isEmpty();
    assertThat(computePrices().vm("eastus", null)).isEmpty();
  }

  private static ReservationSku reservation(String region, String size, int years) {
    return StandaloneEmbeddedPartnerCenter.sharedCatalog().skus().stream()
        .filter(s -> s.vmSize() != null && s.vmSize().armSkuName().equals(size) && s.armRegionName().equals(region)
            && s.termDuration().equals("P" + years + "Y"))
        .findFirst().orElseThrow(() -> new AssertionError("no " + years + "-year reservation of " + size + " in " + region));
  }
}
