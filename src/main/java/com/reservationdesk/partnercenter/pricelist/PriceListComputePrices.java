package com.reservationdesk.partnercenter.pricelist;

import com.reservationdesk.pricing.ComputePrices;
import com.reservationdesk.pricing.VmHourlyPrices;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Compute prices in embedded mode: the pay-as-you-go rows of the retail price file the catalog is read from, so that a
 * recommendation weighs the demo's reservations against prices of the same list. Live mode asks the Retail Prices API
 * itself ({@code pricing.retail}).
 */
@Component
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "embedded", matchIfMissing = true)
public class PriceListComputePrices implements ComputePrices {

  private final Map<String, VmHourlyPrices> byRegionAndSize;

  public PriceListComputePrices(RetailPriceList priceList) {
    this.byRegionAndSize = priceList.vmPrices().stream()
        .collect(Collectors.toUnmodifiableMap(p -> key(p.armRegionName(), p.armSkuName()), Function.identity()));
  }

  @Override
  public Optional<VmHourlyPrices> vm(String armRegionName, String armSkuName) {
    if (armRegionName == null || armSkuName == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byRegionAndSize.get(key(armRegionName, armSkuName)));
  }

  /** Regions match in any case (the price list reads them in lower case); size names as Azure writes them (Standard_D4s_v5). */
  private static String key(String armRegionName, String armSkuName) {
    return armRegionName.toLowerCase(Locale.ROOT) + "|" + armSkuName;
  }
}
