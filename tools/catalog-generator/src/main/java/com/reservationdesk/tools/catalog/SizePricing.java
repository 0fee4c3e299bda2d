package com.reservationdesk.tools.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sets the price cores and price units of every size of a model, by the rules written in vm-price-model.csv. */
final class SizePricing {

  /** Price units of a vCPU of an isolated size (ISF group "... Isolated"), relative to a regular vCPU. */
  private static final double ISOLATED_PREMIUM = 1.10;

  private SizePricing() {}

  static void price(CatalogModel model) {
    Map<String, Size> byName = new HashMap<>();
    for (Size size : model.sizes) {
      byName.put(size.armSkuName, size);
    }
    for (Size size : model.sizes) {
      size.priceCores = size.vcpus;
      String parentName = size.armSkuName.replaceFirst("^(Standard_[A-Za-z]+[0-9]+)-[0-9]+", "$1");
      if (!parentName.equals(size.armSkuName)) {
        Size parent = byName.get(parentName);
        size.priceCores = parent != null ? parent.vcpus : parentVcpus(size.armSkuName);
      }
    }
    Map<String, String> anchoredSizeByFamily = new HashMap<>();
    for (Anchor anchor : model.anchors) {
      anchoredSizeByFamily.putIfAbsent(byName.get(anchor.armSkuName()).family, anchor.armSkuName());
    }
    Map<String, List<Size>> byFamily = new LinkedHashMap<>();
    for (Size size : model.sizes) {
      byFamily.computeIfAbsent(size.family, family -> new ArrayList<>()).add(size);
    }
    for (Map.Entry<String, List<Size>> family : byFamily.entrySet()) {
      String anchored = anchoredSizeByFamily.get(family.getKey());
      double referenceMemory = anchored != null ? byName.get(anchored).memoryPerPriceCore() : mostCommonMemoryPerCore(family.getValue());
      priceFamily(family.getKey(), family.getValue(), referenceMemory);
    }
  }

  /**
   * Of the sizes of vm-sizes.csv (of all sizes for a derived family), so that FULL_SIZE additions do not change the
   * prices of the DEMO sizes; a tie keeps the smallest.
   */
  private static double mostCommonMemoryPerCore(List<Size> sizes) {
    boolean anyListed = sizes.stream().anyMatch(size -> size.listed);
    Map<BigDecimal, Integer> counts = new TreeMap<>();
    for (Size size : sizes) {
      if (anyListed && !size.listed) {
        continue;
      }
      counts.merge(BigDecimal.valueOf(size.memoryPerPriceCore()).setScale(6, RoundingMode.HALF_UP), 1, Integer::sum);
    }
    BigDecimal mostCommon = null;
    for (Map.Entry<BigDecimal, Integer> count : counts.entrySet()) {
      if (mostCommon == null || count.getValue() > counts.get(mostCommon)) {
        mostCommon = count.getKey();
      }
    }
    return mostCommon.doubleValue();
  }

  private static void priceFamily(String family, List<Size> sizes, double referenceMemory) {
    String category = sizes.get(0).category;
    double memoryWeight = family.equals("Bs") ? 1.0
        : (category.equals("GPU") || category.equals("High performance compute")) ? 0.0 : 0.5;
    Map<String, Size> smallestOfGroup = new HashMap<>();
    for (Size size : sizes) {
      smallestOfGroup.merge(size.isfGroup, size, (a, b) -> {
        int order = a.isfRatio.compareTo(b.isfRatio);
        if (order == 0) {
          order = a.armSkuName.compareTo(b.armSkuName);
        }
        return order <= 0 ? a : b;
      });
    }
    for (Size size : sizes) {
      Size smallest = smallestOfGroup.get(size.isfGroup);
      double smallestUnits = size.isfGroup.endsWith("Isolated")
          ? smallest.priceCores * ISOLATED_PREMIUM // occupies a whole host (E104is_v5 ~ E104i_v5)
          : smallest.priceCores * (1 - memoryWeight + memoryWeight * smallest.memoryPerPriceCore() / referenceMemory);
      size.units = smallestUnits * size.isfRatio.doubleValue() / smallest.isfRatio.doubleValue();
    }
  }

  /** The vCPUs in a constrained size's name: 16 of Standard_E16-4s_v5. */
  private static int parentVcpus(String constrainedName) {
    int start = "Standard_".length();
    while (start < constrainedName.length() && Character.isLetter(constrainedName.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < constrainedName.length() && Character.isDigit(constrainedName.charAt(end))) {
      end++;
    }
    return Integer.parseInt(constrainedName.substring(start, end));
  }
}
