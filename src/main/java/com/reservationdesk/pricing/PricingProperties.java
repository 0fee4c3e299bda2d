package com.reservationdesk.pricing;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The customer's currency and how catalog prices get there.
 *
 * @param countryCurrencies the currency a customer is billed in, by billing country (ISO 3166 alpha-2)
 * @param defaultCurrency the currency of a country not in {@code countryCurrencies}
 * @param exchangeRates units of each currency for one unit of {@code baseCurrency}
 * @param baseCurrency the currency the rates are quoted against
 * @param ratesAsOf when the rates were taken, shown to agents next to converted prices
 */
@ConfigurationProperties("reservation-desk.pricing")
public record PricingProperties(
    Map<String, String> countryCurrencies,
    @DefaultValue("USD") String defaultCurrency,
    Map<String, BigDecimal> exchangeRates,
    @DefaultValue("USD") String baseCurrency,
    String ratesAsOf) {

  public PricingProperties {
    countryCurrencies = countryCurrencies == null ? Map.of() : Map.copyOf(countryCurrencies);
    exchangeRates = exchangeRates == null ? Map.of() : Map.copyOf(exchangeRates);
  }
}
