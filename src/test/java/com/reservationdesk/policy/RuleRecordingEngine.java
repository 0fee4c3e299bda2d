package com.reservationdesk.policy;

import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/** The default DMN engine (FEEL Scala, as Camunda runs it), telling each test which rule rows matched. */
final class RuleRecordingEngine {

  private RuleRecordingEngine() {}

  static DmnEngine build(Consumer<List<String>> matchedRuleIds) {
    DmnDecisionEvaluationListener recordMatchedRules = event -> matchedRuleIds.accept(
        ((DmnDecisionTableEvaluationEvent) event.getDecisionResult()).getMatchingRules().stream()
            .map(DmnEvaluatedDecisionRule::getId).toList());
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionEvaluationListeners(List.of(recordMatchedRules));
    return configuration.buildEngine();
  }
}
