package com.reservationdesk.tools.catalog;

import com.reservationdesk.tools.catalog.RetailPricesGenerator.Mode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the sizes of a catalog as vm-sizes.csv does, so that the app can read a FULL_SIZE catalog with its sizes. */
final class SizeListCsv {

  private SizeListCsv() {}

  static void write(Mode mode, List<Size> sizes, Path out) throws IOException {
    StringBuilder csv = new StringBuilder(64 * 1024);
    csv.append("# VM sizes of the ").append(mode).append(" reservation catalog, written by RetailPricesGenerator.\n");
    csv.append("# Same columns as src/main/resources/partnercenter/catalog/vm-sizes.csv.\n");
    csv.append("armSkuName,family,category,vCPUs,memoryGiB,isfGroup,isfRatio\n");
    for (Size size : sizes) {
      csv.append(size.armSkuName).append(',').append(size.family).append(',').append(size.category).append(',')
          .append(size.vcpus).append(',').append(plain(size.memoryGiB)).append(',').append(size.isfGroup)
          .append(',').append(plain(size.isfRatio)).append('\n');
    }
    Files.writeString(out, csv.toString(), StandardCharsets.UTF_8);
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }
}
