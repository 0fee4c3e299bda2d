package com.reservationdesk.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/** An amount in a currency, rounded to the currency's minor unit. */
public record Money(BigDecimal amount, String currency) {

  public Money {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    amount = amount.setScale(digits, RoundingMode.HALF_UP);
  }

  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money times(long quantity) {
    return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
  }

  public Money plus(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
    }
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * Like {@code $12,345.00}, {@code €2,101.86}, {@code CA$99.00} or {@code SEK 733,939.50}: the symbol
   * where it is unambiguous (as en-US writes it), the ISO code otherwise.
   */
  public String format() {
    int digits = amount.scale();
    DecimalFormat format = new DecimalFormat(digits > 0 ? "#,##0." + "0".repeat(digits) : "#,##0",
        DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    String symbol = Currency.getInstance(currency).getSymbol(Locale.US);
    return symbol.equals(currency) ? currency + " " + format.format(amount) : symbol + format.format(amount);
  }

  @Override
  public String toString() {
    return format();
  }
}
