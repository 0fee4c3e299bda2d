package com.reservationdesk.tools.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Ids made from a hash of what they name, so that every run writes the same ones. */
final class StableIds {

  private StableIds() {}

  /**
   * skuId = productId/XXXX, XXXX from the item's identity, rehashed on a collision within the product; the items of the
   * DEMO catalog come first, so they keep the same skuId in FULL_SIZE. meterId = name-based UUID of the same identity.
   * Within each, reservations get theirs before the pay-as-you-go rows, so those cannot change a reservation's ids (a
   * reservation's skuId is its Partner Center catalog id).
   */
  static void assign(List<Item> sorted) {
    Map<String, Set<String>> usedByProduct = new HashMap<>();
    for (boolean demoPass : new boolean[] {true, false}) {
      for (boolean consumptionPass : new boolean[] {false, true}) {
        assign(sorted, consumptionPass, demoPass, usedByProduct);
      }
    }
  }

  private static void assign(List<Item> sorted, boolean consumption, boolean inDemoCatalog, Map<String, Set<String>> usedByProduct) {
    for (Item item : sorted) {
      if (item.consumption != consumption || item.inDemoCatalog != inDemoCatalog) {
        continue;
      }
      String identity = item.productId + "|" + item.armSkuName + "|" + item.skuName + "|" + item.region
          + (consumption ? "|Consumption" : "|P" + item.termYears + "Y");
      Set<String> used = usedByProduct.computeIfAbsent(item.productId, product -> new HashSet<>());
      for (int salt = 0; ; salt++) {
        String id = code("sku:" + identity + (salt == 0 ? "" : "#" + salt), 4);
        if (used.add(id)) {
          item.skuId = item.productId + "/" + id;
          break;
        }
      }
      item.meterId = UUID.nameUUIDFromBytes(("meter:" + identity).getBytes(StandardCharsets.UTF_8)).toString();
    }
  }

  /** {@code length} upper-case base-36 digits of the MD5 of {@code seed}. */
  static String code(String seed, int length) {
    long value = md5Prefix(seed) & Long.MAX_VALUE;
    char[] digits = new char[length];
    for (int k = length - 1; k >= 0; k--) {
      digits[k] = Character.toUpperCase(Character.forDigit((int) (value % 36), 36));
      value /= 36;
    }
    return new String(digits);
  }

  private static long md5Prefix(String seed) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(seed.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int k = 0; k < 8; k++) {
        value = (value << 8) | (digest[k] & 0xff);
      }
      return value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
