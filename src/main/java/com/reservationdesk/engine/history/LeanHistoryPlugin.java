package com.reservationdesk.engine.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Full history, less what is not worth a row: the display-only variables of the forms (option lists
 * and tables, rewritten at every loop) and the standalone evaluations of rule tables whose verdict is in the
 * process's outcome, as each process's glue declares them ({@link HistoryExclusion}). The history level
 * stays {@code full}, so databases made before keep working, and everything else, decisions of business
 * rule tasks included, is written as before.
 */
@Component
public class LeanHistoryPlugin extends AbstractProcessEnginePlugin {

  private final Map<String, Set<String>> displayOnly = new HashMap<>();
  private final Set<String> unauditedDecisions = new HashSet<>();

  public LeanHistoryPlugin(List<HistoryExclusion> exclusions) {
    for (HistoryExclusion exclusion : exclusions) {
      displayOnly.computeIfAbsent(exclusion.processKey(), k -> new HashSet<>()).addAll(exclusion.displayOnlyVariables());
      unauditedDecisions.addAll(exclusion.unauditedDecisions());
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new Filtering(new DbHistoryEventHandler(), displayOnly, unauditedDecisions));
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Writes every history event but those that only repeat what a form showed. */
  static final class Filtering implements HistoryEventHandler {
    private final HistoryEventHandler database;
    private final Map<String, Set<String>> displayOnly;
    private final Set<String> unauditedDecisions;

    Filtering(HistoryEventHandler database, Map<String, Set<String>> displayOnly, Set<String> unauditedDecisions) {
      this.database = database;
      this.displayOnly = displayOnly;
      this.unauditedDecisions = unauditedDecisions;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (kept(event)) {
        database.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }

    boolean kept(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable) {
        return !displayOnly.getOrDefault(variable.getProcessDefinitionKey(), Set.of()).contains(variable.getVariableName());
      }
      if (event instanceof HistoricDecisionEvaluationEvent decision && decision.getRootHistoricDecisionInstance() != null) {
        return !unauditedDecisions.contains(decision.getRootHistoricDecisionInstance().getDecisionDefinitionKey());
      }
      return true;
    }
  }
}
