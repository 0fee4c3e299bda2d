package com.reservationdesk.recommendation;

import java.time.Instant;
import java.util.List;

/**
 * What Reservation Desk recommends for a purchase's customer, and why not more.
 *
 * @param lookBackDays how many days of usage it read (RecommendationRules.dmn)
 * @param from the first hour of usage read
 * @param to the end of the look-back (exclusive)
 * @param summary one sentence for the agent: how much usage, what it recommends, what it saves
 * @param recommendations reservations first (largest saving first), then the savings plan alternatives
 * @param notes what was looked at and not recommended, and why: each a sentence
 * @param unavailable why no usage could be read; null when it was
 */
public record Recommendations(int lookBackDays, Instant from, Instant to, String currency, String summary,
    List<Recommendation> recommendations, List<String> notes, String unavailable) {

  public boolean any() {
    return !recommendations.isEmpty();
  }

  /** Those the agent can put in the cart: not restricted for the purchase's subscription. */
  public List<Recommendation> buyable() {
    return recommendations.stream().filter(r -> !r.isRestricted()).toList();
  }
}
