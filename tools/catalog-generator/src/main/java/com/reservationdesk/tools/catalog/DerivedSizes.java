package com.reservationdesk.tools.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sizes FULL_SIZE adds to those of vm-sizes.csv, named as Azure names them and priced in proportion to a real
 * family: constrained-vCPU variants of real sizes, and other generations and letter variants of the D and E series.
 */
final class DerivedSizes {

  private static final String[] D_LETTERS = {"", "s", "d", "ds", "as", "ads", "ls", "lds", "als", "alds", "ps", "pds", "pls", "plds"};
  private static final String[] E_LETTERS = {"", "s", "d", "ds", "as", "ads", "bs", "bds", "ps", "pds"};
  private static final int[] GENERATIONS = {4, 5, 6};
  private static final int[] D_VCPUS = {2, 4, 8, 16, 32, 48, 64, 96};
  private static final int[] E_VCPUS = {2, 4, 8, 16, 20, 32, 48, 64, 96};
  /** Constrained-vCPU variants by the vCPUs of their parent (E and M series). */
  private static final Map<Integer, int[]> CONSTRAINED = Map.of(
      4, new int[] {2}, 8, new int[] {2, 4}, 16, new int[] {4, 8}, 32, new int[] {8, 16},
      64, new int[] {16, 32}, 96, new int[] {24, 48}, 128, new int[] {32, 64});
  /** Constrained-vCPU variants of the memory-optimized DSv2 sizes, by the vCPUs of their parent. */
  private static final Map<Integer, int[]> CONSTRAINED_DSV2 = Map.of(
      2, new int[] {1}, 4, new int[] {1, 2}, 8, new int[] {2, 4}, 16, new int[] {4, 8});
  private static final double RATIO_3Y = 1.92;

  private DerivedSizes() {}

  /** Adds the derived families and sizes to {@code model}; a name that vm-sizes.csv already has is kept as it is. */
  static void addTo(CatalogModel model) {
    List<Size> derived = constrainedVcpuSizes(model.sizes);
    Set<String> productIds = new HashSet<>();
    model.families.values().forEach(family -> productIds.add(family.productId()));
    DatabaseReservations.SQL_PRODUCTS.forEach(product -> productIds.add(product.productId()));
    productIds.add(DatabaseReservations.COSMOS_PRODUCT_ID);
    Family dBase = model.families.get("Dsv5");
    Family eBase = model.families.get("Esv5");
    for (int generation : GENERATIONS) {
      for (String letters : D_LETTERS) {
        addFamily(model, derived, productIds, "D", letters, generation, D_VCPUS, dBase, "General purpose");
      }
      for (String letters : E_LETTERS) {
        addFamily(model, derived, productIds, "E", letters, generation, E_VCPUS, eBase, "Memory optimized");
      }
    }

    Set<String> names = new HashSet<>();
    model.sizes.forEach(size -> names.add(size.armSkuName));
    for (Size size : derived) {
      if (names.add(size.armSkuName)) {
        model.sizes.add(size);
      }
    }
  }

  /** The real constrained-vCPU sizes of the families of vm-sizes.csv. */
  private static List<Size> constrainedVcpuSizes(List<Size> listed) {
    List<Size> sizes = new ArrayList<>();
    for (Size parent : listed) {
      int[] vcpuCounts = null;
      if (parent.family.equals("Esv5") || parent.family.equals("Easv5")) {
        vcpuCounts = parent.isfGroup.endsWith("Isolated") ? null : CONSTRAINED.get(parent.vcpus);
      } else if (parent.family.equals("DSv2") && parent.isfGroup.endsWith("High Memory")) {
        vcpuCounts = CONSTRAINED_DSV2.get(parent.vcpus);
      } else if (parent.family.equals("M") && parent.armSkuName.endsWith("ms")) {
        vcpuCounts = CONSTRAINED.get(parent.vcpus);
      }
      if (vcpuCounts != null) {
        for (int vcpus : vcpuCounts) {
          sizes.add(new Size(constrainedName(parent.armSkuName, vcpus), parent.family, parent.category, vcpus, parent.memoryGiB,
              parent.isfGroup, parent.isfRatio, false));
        }
      }
    }
    return sizes;
  }

  private static void addFamily(CatalogModel model, List<Size> derived, Set<String> productIds, String series, String letters,
      int generation, int[] vcpuCounts, Family base, String category) {
    String name = series + letters + "v" + generation;
    if (model.families.containsKey(name)) {
      return; // a real family of vm-sizes.csv
    }
    double perVcpu = BigDecimal.valueOf(base.perVcpu() * priceFactor(series, letters, generation))
        .setScale(4, RoundingMode.HALF_UP).doubleValue();
    model.families.put(name, new Family(name, productId(name, productIds), perVcpu, RATIO_3Y, null, base.savingsPlan(), null));

    String group = name + " Series";
    List<Integer> sizesVcpus = new ArrayList<>();
    for (int vcpus : vcpuCounts) {
      sizesVcpus.add(vcpus);
    }
    if (generation == 6) {
      sizesVcpus.add(128);
    }
    for (int vcpus : sizesVcpus) {
      BigDecimal memory;
      if (series.equals("D")) {
        memory = BigDecimal.valueOf((long) vcpus * (letters.contains("l") ? 2 : 4));
      } else {
        memory = BigDecimal.valueOf(vcpus == 96 ? 672 : (long) vcpus * 8);
      }
      BigDecimal isfRatio = BigDecimal.valueOf(vcpus).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
      String sizeName = "Standard_" + series + vcpus + letters + "_v" + generation;
      derived.add(new Size(sizeName, name, category, vcpus, memory, group, isfRatio, false));
      if (series.equals("E") && letters.contains("s") && CONSTRAINED.containsKey(vcpus)) {
        for (int constrained : CONSTRAINED.get(vcpus)) {
          derived.add(new Size(constrainedName(sizeName, constrained), name, category, constrained, memory, group, isfRatio, false));
        }
      }
    }
  }

  /** What each letter and generation does to the base family's price. */
  private static double priceFactor(String series, String letters, int generation) {
    double factor = 1.0;
    if (letters.contains("a")) {
      factor *= 0.90; // AMD
    }
    if (letters.contains("d")) {
      factor *= series.equals("D") ? 1.18 : 1.15; // local disk
    }
    if (letters.contains("l")) {
      factor *= 0.88; // less memory
    }
    if (letters.contains("p")) {
      factor *= 0.80; // ARM
    }
    if (letters.contains("b")) {
      factor *= 1.10; // more storage bandwidth
    }
    if (generation == 6) {
      factor *= 1.04;
    }
    return factor;
  }

  /** Standard_E16s_v5 with 4 vCPUs is Standard_E16-4s_v5; Standard_DS13_v2 with 2 is Standard_DS13-2_v2. */
  static String constrainedName(String parent, int vcpus) {
    int end = "Standard_".length();
    while (end < parent.length() && Character.isLetter(parent.charAt(end))) {
      end++;
    }
    while (end < parent.length() && Character.isDigit(parent.charAt(end))) {
      end++;
    }
    return parent.substring(0, end) + "-" + vcpus + parent.substring(end);
  }

  private static String productId(String family, Set<String> used) {
    for (int salt = 0; ; salt++) {
      String id = "DZH318Z0" + StableIds.code("product:" + family + (salt == 0 ? "" : "#" + salt), 4);
      if (used.add(id)) {
        return id;
      }
    }
  }
}
