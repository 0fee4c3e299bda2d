package com.reservationdesk.policy;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.ReservationType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The partner's order rules, decided by the DMN tables in {@code processes/OrderRules.dmn} (allowed
 * scope, allowed term, quantity limits) that process owners change in Camunda Modeler. This class only
 * asks the tables and turns a "no" into a sentence for the agent.
 */
@Service
public class OrderPolicy {

  static final String SCOPE_RULE = "ScopeRule";
  static final String TERM_RULE = "TermRule";
  static final String QUANTITY_LIMITS = "QuantityLimits";

  private final DecisionService decisions;
  private final RepositoryService repository;
  /** The tables deployed with this application: looked up once, not on every buy (models deploy at start). */
  private final Cache<String, String> definitionIds = Caffeine.newBuilder().build();
  /** A table's limits per product type: the same answer as long as the same table is deployed, so asked once. */
  private final Cache<ReservationType, Limits> limits = Caffeine.newBuilder().build();

  public OrderPolicy(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  private DmnDecisionRuleResult evaluate(String key, org.camunda.bpm.engine.variable.VariableMap variables) {
    String id = definitionIds.get(key,
        k -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(k).latestVersion().singleResult().getId());
    return decisions.evaluateDecisionTableById(id, variables).getSingleResult();
  }

  /** A cart line as the rules see it. */
  public record Line(String name, ReservationType type, String family, String term, long quantity) {}

  /** Refuses, with every rule's message at once, an order the tables do not allow. */
  public void check(String subscriptionKind, String scope, List<Line> lines) {
    List<String> problems = new ArrayList<>();
    DmnDecisionRuleResult scopeRule = evaluate(SCOPE_RULE,
        Variables.createVariables().putValue("subscriptionKind", subscriptionKind).putValue("scope", scope));
    if (!Boolean.TRUE.equals(scopeRule.getEntry("allowed"))) {
      problems.add(scopeRule.getEntry("message"));
    }
    Map<ReservationType, Long> perType = new LinkedHashMap<>();
    for (Line line : lines) {
      DmnDecisionRuleResult termRule = evaluate(TERM_RULE, Variables.createVariables()
          .putValue("productType", line.type().formValue()).putValue("family", line.family() == null ? "" : line.family())
          .putValue("term", line.term()));
      if (!Boolean.TRUE.equals(termRule.getEntry("allowed"))) {
        problems.add(line.name() + ": " + termRule.getEntry("message"));
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
    DmnDecisionRuleResult result = evaluate(QUANTITY_LIMITS, Variables.createVariables().putValue("productType", type.formValue()));
    return new Limits(((Number) result.getEntry("maxPerLine")).longValue(), ((Number) result.getEntry("maxPerOrder")).longValue(),
        result.getEntry("unit"));
  }

  /** @param unit what the quantity counts, as the table words it ({@code instances}) */
  public record Limits(long perLine, long perOrder, String unit) {}
}
