package com.reservationdesk.tools.catalog;

import java.math.BigDecimal;

/** A VM size: a row of vm-sizes.csv or, in FULL_SIZE, one derived from a family's naming. */
final class Size {

  final String armSkuName;
  final String family;
  final String category;
  final int vcpus;
  final BigDecimal memoryGiB;
  final String isfGroup;
  final BigDecimal isfRatio;
  final boolean listed; // in vm-sizes.csv
  int priceCores; // a constrained-vCPU size costs what its parent does, so it counts the parent's vCPUs
  double units; // the 1-year westus price is the family's perVcpu × units

  Size(String armSkuName, String family, String category, int vcpus, BigDecimal memoryGiB, String isfGroup, BigDecimal isfRatio,
      boolean listed) {
    this.armSkuName = armSkuName;
    this.family = family;
    this.category = category;
    this.vcpus = vcpus;
    this.memoryGiB = memoryGiB;
    this.isfGroup = isfGroup;
    this.isfRatio = isfRatio;
    this.listed = listed;
  }

  double memoryPerPriceCore() {
    return memoryGiB.doubleValue() / priceCores;
  }
}
