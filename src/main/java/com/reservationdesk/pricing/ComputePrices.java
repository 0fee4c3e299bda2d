package com.reservationdesk.pricing;

import java.util.Optional;

/**
 * Azure's hourly list prices of VM sizes, pay-as-you-go and under a compute savings plan, as the Azure Retail Prices
 * API publishes them (its {@code Consumption} rows and their {@code savingsPlan} prices). A recommendation weighs a
 * reservation's price against them. Two adapters: the demo price file, and the Retail Prices API itself.
 */
public interface ComputePrices {

  /** The Linux pay-as-you-go and savings plan prices of one size in one region; empty when the price list has none. */
  Optional<VmHourlyPrices> vm(String armRegionName, String armSkuName);
}
