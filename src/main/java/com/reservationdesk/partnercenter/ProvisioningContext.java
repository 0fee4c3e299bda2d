package com.reservationdesk.partnercenter;

/**
 * A reservation's {@code provisioningContext}.
 *
 * @param scope {@code single} or {@code shared}
 * @param duration {@code 1Year}, {@code 3Years} or {@code 5Years}
 */
public record ProvisioningContext(String subscriptionId, String scope, String duration) {

  public static String durationOf(String termDuration) {
    return Term.of(termDuration).duration();
  }
}
