package com.reservationdesk.tools.catalog;

import static java.util.Map.entry;

import java.util.Map;

/** List prices of reservations differ by region: each region's price relative to westus. */
final class RegionFactors {

  /** For a region of azure-regions.csv that is missing here (the generator warns about it). */
  static final double DEFAULT = 1.10;

  private static final Map<String, Double> FACTORS = Map.ofEntries(
      // Americas
      entry("westus", 1.00), entry("eastus", 0.95), entry("eastus2", 0.95), entry("westus2", 0.95), entry("westus3", 0.95),
      entry("centralus", 1.00), entry("northcentralus", 0.98), entry("southcentralus", 0.98), entry("westcentralus", 1.02),
      entry("canadacentral", 1.05), entry("canadaeast", 1.06), entry("brazilsouth", 1.35), entry("brazilsoutheast", 1.45),
      entry("mexicocentral", 1.12), entry("chilecentral", 1.18),
      // Europe
      entry("northeurope", 1.00), entry("westeurope", 1.03), entry("uksouth", 1.05), entry("ukwest", 1.07),
      entry("francecentral", 1.06), entry("francesouth", 1.30), entry("germanywestcentral", 1.08), entry("germanynorth", 1.26),
      entry("switzerlandnorth", 1.20), entry("switzerlandwest", 1.40), entry("norwayeast", 1.20), entry("norwaywest", 1.45),
      entry("swedencentral", 1.02), entry("swedensouth", 1.20), entry("polandcentral", 1.08), entry("italynorth", 1.08),
      entry("spaincentral", 1.06), entry("austriaeast", 1.10), entry("belgiumcentral", 1.08), entry("denmarkeast", 1.10),
      // Middle East and Africa
      entry("israelcentral", 1.15), entry("qatarcentral", 1.15), entry("uaenorth", 1.12), entry("uaecentral", 1.35),
      entry("southafricanorth", 1.15), entry("southafricawest", 1.40),
      // Asia Pacific
      entry("eastasia", 1.20), entry("southeastasia", 1.05), entry("australiaeast", 1.20), entry("australiasoutheast", 1.22),
      entry("australiacentral", 1.22), entry("australiacentral2", 1.30), entry("japaneast", 1.15), entry("japanwest", 1.18),
      entry("koreacentral", 1.10), entry("koreasouth", 1.08), entry("centralindia", 0.98), entry("southindia", 1.00),
      entry("westindia", 1.05), entry("jioindiawest", 0.95), entry("jioindiacentral", 0.95), entry("newzealandnorth", 1.22),
      entry("indonesiacentral", 1.15), entry("malaysiawest", 1.12));

  private RegionFactors() {}

  static boolean has(String region) {
    return FACTORS.containsKey(region);
  }

  static double of(String region) {
    return FACTORS.getOrDefault(region, DEFAULT);
  }
}
