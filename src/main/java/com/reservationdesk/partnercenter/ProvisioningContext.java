package com.reservationdesk.partnercenter;

/**
 * A reservation's {@code provisioningContext}.
 *
 * @param scope {@code single} or {@code shared}
 * @param duration {@code 1Year}, {@code 3Years} or {@code 5Years}
 */
public record ProvisioningContext(String subscriptionId, String scope, String duration) {

  public static String durationOf(String termDuration) {
    return switch (termDuration) {
      case "P1Y" -> "1Year";
      case "P3Y" -> "3Years";
      case "P5Y" -> "5Years";
      default -> throw new IllegalArgumentException("Unknown term " + termDuration);
    };
  }
}
