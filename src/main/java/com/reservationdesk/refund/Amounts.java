package com.reservationdesk.refund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as the forms write them. */
final class Amounts {

  private Amounts() {}

  static String usd(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    return format.format(amount.setScale(2, RoundingMode.HALF_UP));
  }
}
