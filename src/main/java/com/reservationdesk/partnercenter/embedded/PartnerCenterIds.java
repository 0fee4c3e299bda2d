package com.reservationdesk.partnercenter.embedded;

import com.reservationdesk.partnercenter.ReservationSku;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Ids shaped like Partner Center's: GUIDs for tenants and subscriptions, 33-character order ids. */
@Component
public class PartnerCenterIds {

  private static final String ORDER_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final String CATALOG_ALPHABET = "0123456789BCDFGHJKLMNPQRSTVWXZ";

  private final SecureRandom random = new SecureRandom();

  /** A GUID derived from a seed: demo data is the same on every machine, a repeated request gives the same id. */
  public static String guid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Like {@code 311qiN8iFwkv-XARWMvXRYAwYKMACVqv1}. */
  public String orderId() {
    StringBuilder id = new StringBuilder(33);
    for (int i = 0; i < 33; i++) {
      id.append(ORDER_ID_ALPHABET.charAt(random.nextInt(ORDER_ID_ALPHABET.length())));
    }
    return id.toString();
  }

  /** Like {@code 0a3624c6e47d}. */
  public String alternateOrderId() {
    byte[] bytes = new byte[6];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The availability id of a SKU: stable in the embedded Partner Center, derived from the SKU. */
  public static String availabilityId(ReservationSku sku) {
    return availabilityId(sku.productId(), sku.skuId());
  }

  /** The availability id of a product's SKU, for products that are not in the reservation catalog (a savings plan). */
  public static String availabilityId(String productId, String skuId) {
    return catalogId("DZH318Z0", 12, productId + skuId);
  }

  /** A catalog id segment like {@code 00G1} (SKU) or {@code DZH318Z08C0S} (availability), from a seed. */
  public static String catalogId(String prefix, int length, String seed) {
    long hash = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits() & Long.MAX_VALUE;
    StringBuilder id = new StringBuilder(prefix);
    while (id.length() < length) {
      id.append(CATALOG_ALPHABET.charAt((int) (hash % CATALOG_ALPHABET.length())));
      hash /= CATALOG_ALPHABET.length();
    }
    return id.toString();
  }
}
