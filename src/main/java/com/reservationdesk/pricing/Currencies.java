package com.reservationdesk.pricing;

import com.reservationdesk.common.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * A customer pays in the currency of its billing country. Catalog prices in another currency are
 * converted at the configured rates and rounded to the currency's minor unit (none for JPY).
 */
@Service
public class Currencies {

  private final Map<String, String> countryCurrencies = new TreeMap<>();
  private final Map<String, BigDecimal> rates = new TreeMap<>();
  private final String defaultCurrency;
  private final String baseCurrency;
  private final String ratesAsOf;

  public Currencies(PricingProperties properties) {
    this.baseCurrency = requireCurrency(properties.baseCurrency(), "reservation-desk.pricing.base-currency");
    this.defaultCurrency = requireCurrency(properties.defaultCurrency(), "reservation-desk.pricing.default-currency");
    this.ratesAsOf = properties.ratesAsOf();
    properties.countryCurrencies().forEach((country, currency) -> countryCurrencies.put(country.toUpperCase(Locale.ROOT),
        requireCurrency(currency, "reservation-desk.pricing.country-currencies." + country)));
    properties.exchangeRates().forEach((currency, rate) -> {
      String code = requireCurrency(currency, "reservation-desk.pricing.exchange-rates");
      if (rate == null || rate.signum() <= 0) {
        throw new IllegalStateException("reservation-desk.pricing.exchange-rates." + currency + " must be a positive number, not " + rate);
      }
      rates.put(code, rate);
    });
    rates.put(baseCurrency, BigDecimal.ONE);
    List<String> missing = new ArrayList<>();
    new TreeSet<>(countryCurrencies.values()).forEach(c -> {
      if (!rates.containsKey(c)) {
        missing.add(c);
      }
    });
    if (!rates.containsKey(defaultCurrency)) {
      missing.add(defaultCurrency);
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("reservation-desk.pricing.exchange-rates has no rate for " + String.join(", ", missing)
          + ": customers billed in it could not see prices. Add the rate (units for 1 " + baseCurrency + ").");
    }
  }

  /** The customer's billing currency. */
  public String currencyOf(String country) {
    return country == null ? defaultCurrency : countryCurrencies.getOrDefault(country.toUpperCase(Locale.ROOT), defaultCurrency);
  }

  public boolean canConvert(String from, String to) {
    return from.equals(to) || (rates.containsKey(from) && rates.containsKey(to));
  }

  /** The amount in another currency, rounded to that currency's minor unit. */
  public Money convert(BigDecimal amount, String from, String to) {
    if (from.equals(to)) {
      return new Money(amount, to);
    }
    BigDecimal fromRate = rate(from);
    BigDecimal toRate = rate(to);
    return new Money(amount.multiply(toRate).divide(fromRate, MathContext.DECIMAL64), to);
  }

  /**
   * What one unit of {@code from} is worth in {@code to}, unrounded: for prices of an hour, which have more digits than
   * a currency's minor unit (a recommendation rounds only its results).
   */
  public double factor(String from, String to) {
    return from.equals(to) ? 1 : rate(to).divide(rate(from), MathContext.DECIMAL64).doubleValue();
  }

  /** A sentence for agents: where a converted price comes from. Empty when nothing is converted. */
  public String conversionNote(String from, String to) {
    if (from.equals(to)) {
      return "";
    }
    BigDecimal rate = rate(to).divide(rate(from), MathContext.DECIMAL64).stripTrailingZeros();
    return "Converted from " + from + " at 1 " + from + " = " + rate.toPlainString() + " " + to
        + (ratesAsOf == null || ratesAsOf.isBlank() ? "" : " (rates of " + ratesAsOf + ")") + ".";
  }

  private BigDecimal rate(String currency) {
    BigDecimal rate = rates.get(currency);
    if (rate == null) {
      throw new IllegalStateException("No exchange rate for " + currency + " in reservation-desk.pricing.exchange-rates");
    }
    return rate;
  }

  private static String requireCurrency(String code, String property) {
    try {
      return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT)).getCurrencyCode();
    } catch (RuntimeException e) {
      throw new IllegalStateException(property + ": \u201c" + code + "\u201d is not an ISO 4217 currency code");
    }
  }
}
