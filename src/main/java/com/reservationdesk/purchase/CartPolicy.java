package com.reservationdesk.purchase;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a purchase may wait before it is bought (policy; Partner Center's carts live 7 days) and when the
 * agent is reminded ({@code reservation-desk.cart.*}, checked at start). The purchase process's timers read it
 * through its glue.
 *
 * @param lifetime when an unbought purchase ends, counted from its start
 * @param reminderBefore how long before the end the agent is reminded
 */
@ConfigurationProperties("reservation-desk.cart")
@Validated
public record CartPolicy(@NotNull @DefaultValue("P7D") Duration lifetime, @NotNull @DefaultValue("P1D") Duration reminderBefore) {

  @AssertTrue(message = "must be positive and longer than reservation-desk.cart.reminder-before, which must not be negative")
  public boolean isLifetimeLongerThanTheReminder() {
    return lifetime == null || reminderBefore == null
        || (!lifetime.isNegative() && !lifetime.isZero() && !reminderBefore.isNegative() && reminderBefore.compareTo(lifetime) < 0);
  }

  /** When the agent is reminded, counted from the purchase's start. */
  public Duration reminderAfter() {
    return lifetime.minus(reminderBefore);
  }
}
