package com.reservationdesk.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.ReservationType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The partner's order rules, decided by the tables in {@code processes/OrderRules.dmn} (allowed scope,
 * allowed term, quantity limits) that process owners change in Camunda Modeler. This class only asks the
 * tables and turns a "no" into a sentence for the agent.
 */
@Service
public class OrderPolicy {

  static final String SCOPE_RULE = "ScopeRule";
  static final String TERM_RULE = "TermRule";
  static final String QUANTITY_LIMITS = "QuantityLimits";
  static final String SAVINGS_PLAN_COMMITMENT = "SavingsPlanCommitment";
  /** The tables this policy asks on its own, outside a process. */
  public static final Set<String> TABLES = Set.of(SCOPE_RULE, TERM_RULE, QUANTITY_LIMITS, SAVINGS_PLAN_COMMITMENT);

  private final RuleTables tables;
  /** A table's limits per product type: the same answer as long as the same table is deployed, so asked once. */
  private final Cache<ReservationType, Limits> limits = Caffeine.newBuilder().build();

  public OrderPolicy(RuleTables tables) {
    this.tables = tables;
  }

  /** A cart line as the rules see it. */
  public record Line(String name, ReservationType type, String family, String term, long quantity) {}

  /** Refuses, with every rule's message at once, an order the tables do not allow. */
  public void check(String subscriptionKind, String scope, List<Line> lines) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> scopeRule = tables.decide(SCOPE_RULE, Map.of("subscriptionKind", subscriptionKind, "scope", scope));
    if (!Boolean.TRUE.equals(scopeRule.get("allowed"))) {
      problems.add((String) scopeRule.get("message"));
    }
    Map<ReservationType, Long> perType = new LinkedHashMap<>();
    for (Line line : lines) {
      Map<String, Object> termRule = tables.decide(TERM_RULE, Map.of("productType", line.type().formValue(),
          "family", line.family() == null ? "" : line.family(), "term", line.term()));
      if (!Boolean.TRUE.equals(termRule.get("allowed"))) {
        problems.add(line.name() + ": " + termRule.get("message"));
      }
      Limits limits = limits(line.type());
      if (line.quantity() > limits.perLine()) {
        problems.add(String.format("%s: at most %,d %s per line (policy); split the purchase or lower the quantity.", line.name(),
            limits.perLine(), limits.unit()));
      }
      perType.merge(line.type(), line.quantity(), Long::sum);
    }
    perType.forEach((type, quantity) -> {
      Limits limits = limits(type);
      if (quantity > limits.perOrder()) {
        problems.add(String.format("%s: at most %,d %s per order (policy), this cart has %,d.", type.label(), limits.perOrder(),
            limits.unit(), quantity));
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidInputException(String.join(" ", problems));
    }
  }

  /** The quantity limits of a product type: per cart line and per order (QuantityLimits). */
  public Limits limits(ReservationType type) {
    return limits.get(type, this::evaluateLimits);
  }

  private Limits evaluateLimits(ReservationType type) {
    Map<String, Object> result = tables.decide(QUANTITY_LIMITS, Map.of("productType", type.formValue()));
    return new Limits(((Number) result.get("maxPerLine")).longValue(), ((Number) result.get("maxPerOrder")).longValue(),
        (String) result.get("unit"));
  }

  /** @param unit what the quantity counts, as the table words it ({@code instances}) */
  public record Limits(long perLine, long perOrder, String unit) {}

  /** The smallest and largest hourly commitment of a savings plan, in US dollars (converted to the customer's currency). */
  public record CommitmentLimits(java.math.BigDecimal minimumPerHourUsd, java.math.BigDecimal maximumPerHourUsd) {}

  /** The hourly commitment a savings plan for this term may have (SavingsPlanCommitment). */
  public CommitmentLimits savingsPlanCommitment(String term) {
    Map<String, Object> result = tables.decide(SAVINGS_PLAN_COMMITMENT, Map.of("term", term));
    Object minimum = result.get("minimumPerHourUsd");
    Object maximum = result.get("maximumPerHourUsd");
    if (!(minimum instanceof Number low) || !(maximum instanceof Number high) || low.doubleValue() <= 0
        || high.doubleValue() < low.doubleValue()) {
      throw new IllegalStateException(SAVINGS_PLAN_COMMITMENT + " answers " + result + " for " + term
          + ": a minimum above zero and a maximum at least as large. Correct the table in OrderRules.dmn.");
    }
    return new CommitmentLimits(new java.math.BigDecimal(low.toString()), new java.math.BigDecimal(high.toString()));
  }
}
