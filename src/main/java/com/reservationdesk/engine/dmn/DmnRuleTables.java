package com.reservationdesk.engine.dmn;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.reservationdesk.policy.RuleTables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The rule tables, run by the engine's DMN: by definition id, which is looked up once per key. */
@Component
public class DmnRuleTables implements RuleTables {

  private final DecisionService decisions;
  private final RepositoryService repository;
  /** The tables deployed with this application: models deploy at start, so an id found once stays valid. */
  private final Cache<String, String> definitionIds = Caffeine.newBuilder().build();

  public DmnRuleTables(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  @Override
  public Map<String, Object> decide(String table, Map<String, Object> inputs) {
    String id = definitionIds.get(table,
        key -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult().getId());
    DmnDecisionRuleResult result = decisions.evaluateDecisionTableById(id, Variables.fromMap(inputs)).getSingleResult();
    if (result == null) {
      throw new IllegalStateException("No rule of " + table + " matches " + inputs + ": add a rule for it in the table");
    }
    return result.getEntryMap();
  }
}
