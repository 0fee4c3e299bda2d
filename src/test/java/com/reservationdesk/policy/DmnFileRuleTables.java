package com.reservationdesk.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The policy classes' {@link RuleTables} on a model file, evaluated by the DMN engine Camunda runs (FEEL Scala), which
 * remembers every row that matched, so a test class can check that each row of its tables was hit.
 */
final class DmnFileRuleTables implements RuleTables {

  private final Map<String, DmnDecision> decisions = new HashMap<>();
  private final Set<String> allRules = new TreeSet<>();
  private final Set<String> matched = new TreeSet<>();
  private List<String> last = List.of();

  DmnFileRuleTables(Path model) {
    DmnEngine engine = RuleRecordingEngine.build(ids -> {
      last = ids;
      matched.addAll(ids);
    });
    try (InputStream in = Files.newInputStream(model)) {
      for (DmnDecision decision : engine.parseDecisions(in)) {
        decisions.put(decision.getKey(), decision);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Dmn.readModelFromFile(model.toFile()).getModelElementsByType(Rule.class).forEach(rule -> allRules.add(rule.getId()));
    this.engine = engine;
  }

  private final DmnEngine engine;

  @Override
  public Map<String, Object> decide(String table, Map<String, Object> inputs) {
    DmnDecisionResult result = engine.evaluateDecision(decisions.get(table), new HashMap<>(inputs));
    if (result.size() != 1) {
      throw new IllegalStateException(table + " matched " + result.size() + " rules for " + inputs);
    }
    return result.getSingleResult().getEntryMap();
  }

  /** The rows the last evaluation matched. */
  List<String> lastMatched() {
    return last;
  }

  /** The rows no evaluation has matched yet. */
  List<String> neverMatched() {
    List<String> left = new ArrayList<>(allRules);
    left.removeAll(matched);
    return left;
  }
}
