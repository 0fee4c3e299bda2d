package com.reservationdesk.partnercenter;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which subscriptions a reservation's discount applies to: a cart line's {@code provisioningContext.scope}. */
public enum Scope {
  /** Every subscription of the customer's billing context. */
  SHARED,
  /** Only the chosen subscription (needs vCPU quota there). */
  SINGLE;

  /** As the API, the forms and Reservation Desk's own API write it: {@code shared}, {@code single}. */
  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Scope> of(String apiName) {
    return Arrays.stream(values()).filter(s -> apiName != null && s.apiName().equalsIgnoreCase(apiName.trim())).findFirst();
  }
}
