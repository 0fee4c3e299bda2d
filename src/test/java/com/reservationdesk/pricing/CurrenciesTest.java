package com.reservationdesk.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurrenciesTest {

  private final Currencies currencies = new Currencies(new PricingProperties(
      Map.of("de", "EUR", "JP", "JPY", "KW", "KWD"), "USD",
      Map.of("EUR", new BigDecimal("0.9210"), "JPY", new BigDecimal("153.40"), "KWD", new BigDecimal("0.3071")), "USD",
      "2026-11-02"));

  @Test
  void theBillingCountryDecidesTheCurrency() {
    assertThat(currencies.currencyOf("DE")).isEqualTo("EUR");
    assertThat(currencies.currencyOf("jp")).isEqualTo("JPY");
    assertThat(currencies.currencyOf("US")).isEqualTo("USD");
    assertThat(currencies.currencyOf(null)).isEqualTo("USD");
  }

  @Test
  void convertedAmountsAreRoundedToTheCurrencysMinorUnit() {
    assertThat(currencies.convert(new BigDecimal("6054"), "USD", "EUR").amount()).isEqualTo(new BigDecimal("5575.73"));
    assertThat(currencies.convert(new BigDecimal("6054"), "USD", "JPY").amount()).isEqualTo(new BigDecimal("928684"));
    assertThat(currencies.convert(new BigDecimal("6054"), "USD", "KWD").amount()).isEqualTo(new BigDecimal("1859.183"));
    assertThat(currencies.convert(new BigDecimal("5575.73"), "EUR", "USD").amount()).isEqualTo(new BigDecimal("6054.00"));
    assertThat(currencies.convert(new BigDecimal("10.005"), "USD", "USD").format()).isEqualTo("$10.01");
    assertThat(currencies.conversionNote("USD", "EUR")).isEqualTo("Converted from USD at 1 USD = 0.921 EUR (rates of 2026-11-02).");
    assertThat(currencies.conversionNote("USD", "USD")).isEmpty();
  }

  @Test
  void aCountryCurrencyWithoutARateStopsTheStart() {
    assertThatThrownBy(() -> new Currencies(new PricingProperties(Map.of("GB", "GBP"), "USD", Map.of(), "USD", null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("reservation-desk.pricing.exchange-rates has no rate for GBP: customers billed in it could not see prices."
            + " Add the rate (units for 1 USD).");
    assertThatThrownBy(() -> new Currencies(new PricingProperties(Map.of("GB", "POUNDS"), "USD", Map.of(), "USD", null)))
        .hasMessageContaining("\u201cPOUNDS\u201d is not an ISO 4217 currency code");
    assertThatThrownBy(() -> new Currencies(new PricingProperties(Map.of(), "USD", Map.of("EUR", BigDecimal.ZERO), "USD", null)))
        .hasMessageContaining("must be a positive number");
  }
}
