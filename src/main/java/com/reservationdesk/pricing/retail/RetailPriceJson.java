package com.reservationdesk.pricing.retail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.reservationdesk.pricing.VmHourlyPrices;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One item of the Retail Prices API, in the API's field order. A reservation's {@code unitPrice} is its whole-term price;
 * a {@code Consumption} item's is the pay-as-you-go price of one {@code unitOfMeasure}, and a VM size's carries the compute
 * savings plan's price of the same hour in {@code savingsPlan} when a plan covers it (api-version 2023-01-01-preview).
 *
 * <p>One VM size in one region has several {@code Consumption} items: Linux and Windows (productName ends with
 * " Windows"), each also as Spot and Low Priority (skuName and meterName say so). Reservation Desk compares Linux
 * pay-as-you-go: what a reservation or a savings plan replaces, software licences aside.
 *
 * @param reservationTerm "1 Year", "3 Years" or "5 Years" for a reservation; absent otherwise
 * @param savingsPlan absent where no savings plan covers the meter
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetailPriceJson(
    String currencyCode,
    BigDecimal tierMinimumUnits,
    String reservationTerm,
    BigDecimal retailPrice,
    BigDecimal unitPrice,
    String armRegionName,
    String location,
    String effectiveStartDate,
    String meterId,
    String meterName,
    String productId,
    String skuId,
    String productName,
    String skuName,
    String serviceName,
    String serviceId,
    String serviceFamily,
    String unitOfMeasure,
    String type,
    @JsonProperty("isPrimaryMeterRegion") Boolean isPrimaryMeterRegion,
    String armSkuName,
    List<SavingsPlanPriceJson> savingsPlan) {

  public static final String CONSUMPTION = "Consumption";
  public static final String VIRTUAL_MACHINES = "Virtual Machines";
  private static final Pattern TERM = Pattern.compile("(\\d+) Years?");

  /** The price of one {@code unitOfMeasure} of the meter under a savings plan of {@code term} ("1 Year", "3 Years"). */
  public record SavingsPlanPriceJson(BigDecimal unitPrice, BigDecimal retailPrice, String term) {}

  /** Whether this is the price of an hour of a Linux VM paid as you go: not Windows, not Spot, not Low Priority. */
  public boolean isLinuxVmPayAsYouGo() {
    return CONSUMPTION.equals(type) && VIRTUAL_MACHINES.equals(serviceName) && "1 Hour".equals(unitOfMeasure)
        && productName != null && productName.startsWith("Virtual Machines ") && !productName.endsWith(" Windows")
        && !spotOrLowPriority(skuName) && !spotOrLowPriority(meterName);
  }

  /**
   * The hourly prices of a Linux pay-as-you-go row (see {@link #isLinuxVmPayAsYouGo()}).
   *
   * @throws IllegalArgumentException naming what is missing or wrong
   */
  public VmHourlyPrices vmHourlyPrices() {
    String region = required(armRegionName, "armRegionName").toLowerCase(Locale.ROOT);
    String size = required(armSkuName, "armSkuName");
    BigDecimal hour = positive(unitPrice != null ? unitPrice : retailPrice, "pay-as-you-go price (unitPrice)");
    String currency = required(currencyCode, "currencyCode");
    try {
      currency = Currency.getInstance(currency).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("currency \u201c" + currency + "\u201d is not an ISO 4217 code");
    }
    return new VmHourlyPrices(region, size, hour, savingsPlan(1), savingsPlan(3), currency);
  }

  /** Of two rows of the same size and region, whether this one counts: the meter's primary region first, then the newest. */
  public boolean isPreferredTo(RetailPriceJson other) {
    boolean primary = !Boolean.FALSE.equals(isPrimaryMeterRegion);
    if (primary != !Boolean.FALSE.equals(other.isPrimaryMeterRegion)) {
      return primary;
    }
    // ISO 8601 instants of one format order as text; a row without a date is the oldest.
    String mine = effectiveStartDate == null ? "" : effectiveStartDate;
    return mine.compareTo(other.effectiveStartDate == null ? "" : other.effectiveStartDate) > 0;
  }

  private BigDecimal savingsPlan(int years) {
    if (savingsPlan == null) {
      return null;
    }
    for (SavingsPlanPriceJson price : savingsPlan) {
      Matcher term = TERM.matcher(price.term() == null ? "" : price.term().trim());
      if (term.matches() && Integer.parseInt(term.group(1)) == years) {
        return positive(price.unitPrice() != null ? price.unitPrice() : price.retailPrice(), "savings plan price of " + price.term());
      }
    }
    return null;
  }

  private static boolean spotOrLowPriority(String name) {
    return name != null && (name.contains(" Spot") || name.contains(" Low Priority"));
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return value.trim();
  }

  private static BigDecimal positive(BigDecimal price, String what) {
    if (price == null) {
      throw new IllegalArgumentException("missing " + what);
    }
    if (price.signum() <= 0) {
      throw new IllegalArgumentException(what + " " + price.toPlainString() + " is not positive");
    }
    return price;
  }
}
