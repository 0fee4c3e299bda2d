package com.reservationdesk.process.purchase;

import com.reservationdesk.purchase.CartPolicy;
import org.springframework.stereotype.Component;

/**
 * The cart policy as the purchase model's timers read it, as ISO 8601 durations counted from the start:
 * {@code ${cartPolicy.lifetime}}, {@code ${cartPolicy.reminderAfter}}.
 */
@Component("cartPolicy")
public class CartTimers {

  private final CartPolicy policy;

  public CartTimers(CartPolicy policy) {
    this.policy = policy;
  }

  public String getLifetime() {
    return policy.lifetime().toString();
  }

  public String getReminderAfter() {
    return policy.reminderAfter().toString();
  }
}
