package com.reservationdesk.purchase;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a purchase may wait before it is bought (policy; Partner Center's carts live 7 days) and
 * when the agent is reminded. The process model's timers read these as ISO 8601 durations.
 */
@Component("cartPolicy")
public class CartPolicy {

  private final Duration lifetime;
  private final Duration reminderBefore;

  public CartPolicy(@Value("${reservation-desk.cart.lifetime:P7D}") Duration lifetime,
      @Value("${reservation-desk.cart.reminder-before:P1D}") Duration reminderBefore) {
    if (lifetime.isNegative() || lifetime.isZero() || reminderBefore.isNegative() || reminderBefore.compareTo(lifetime) >= 0) {
      throw new IllegalStateException("reservation-desk.cart.lifetime (" + lifetime + ") must be positive and longer than "
          + "reservation-desk.cart.reminder-before (" + reminderBefore + ")");
    }
    this.lifetime = lifetime;
    this.reminderBefore = reminderBefore;
  }

  /** When an unbought purchase ends, counted from its start. */
  public String getLifetime() {
    return lifetime.toString();
  }

  /** When the agent is reminded, counted from the start. */
  public String getReminderAfter() {
    return lifetime.minus(reminderBefore).toString();
  }

  public Duration reminderBefore() {
    return reminderBefore;
  }
}
