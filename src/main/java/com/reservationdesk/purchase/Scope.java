package com.reservationdesk.purchase;

import com.reservationdesk.common.InvalidInputException;
import java.util.Locale;

/** Which subscriptions a reservation's discount applies to. */
public enum Scope {
  /** Every subscription of the customer's billing context. */
  SHARED,
  /** Only the chosen subscription (needs vCPU quota there). */
  SINGLE;

  /** The value of the cart line's {@code provisioningContext.scope}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Scope fromForm(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("Choose the scope: shared (all the customer's subscriptions) or single subscription.");
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Scope \u201c" + value + "\u201d is unknown: choose shared or single.");
    }
  }
}
