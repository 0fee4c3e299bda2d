package com.reservationdesk.process;

import java.util.ArrayList;
import java.util.List;
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
 * and tables, rewritten at every loop) and the standalone evaluations of the order-rule tables (their
 * verdict is in the purchase's outcome). The history level stays {@code full}, so databases made before
 * keep working, and everything else, the approval decision included, is written as before.
 */
@Component
public class LeanHistoryPlugin extends AbstractProcessEnginePlugin {

  static final Set<String> RULE_TABLES = Set.of("ScopeRule", "TermRule", "QuantityLimits");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new Filtering(new DbHistoryEventHandler()));
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Writes every history event but those that only repeat what a form showed. */
  static final class Filtering implements HistoryEventHandler {
    private final HistoryEventHandler database;

    Filtering(HistoryEventHandler database) {
      this.database = database;
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

    static boolean kept(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable) {
        return !PurchaseVariables.DISPLAY_ONLY.contains(variable.getVariableName());
      }
      if (event instanceof HistoricDecisionEvaluationEvent decision && decision.getRootHistoricDecisionInstance() != null) {
        return !RULE_TABLES.contains(decision.getRootHistoricDecisionInstance().getDecisionDefinitionKey());
      }
      return true;
    }
  }
}
