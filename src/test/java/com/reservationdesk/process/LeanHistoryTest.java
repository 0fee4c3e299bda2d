package com.reservationdesk.process;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.AppTest;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The history keeps the audit trail and leaves out what only a form showed. */
@AppTest
class LeanHistoryTest {

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired DecisionService decisions;

  @Test
  void displayOnlyVariablesAreNotWrittenToTheHistory_theOthersAre() {
    String id = runtime.createProcessInstanceByKey(PROCESS_KEY).startBeforeActivity("UserTask_ReviewOrder")
        .setVariables(Map.of(STARTED_BY, "alice", CUSTOMER_ID, "c-1", REVIEW_NOTE, "Rejected by carol: too many",
            CART_TOTAL, "$1.00", PRICE_NOTE, "Indicative list prices."))
        .execute().getId();
    runtime.setVariable(id, CART_TOTAL, "$2.00");
    runtime.setVariable(id, ORDER_NUMBERS, "order-1");

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).list())
        .extracting(v -> v.getName()).contains(CUSTOMER_ID, REVIEW_NOTE, ORDER_NUMBERS, STARTED_BY)
        .doesNotContain(CART_TOTAL, PRICE_NOTE);
    assertThat(history.createHistoricDetailQuery().processInstanceId(id).variableUpdates().list())
        .extracting(d -> ((HistoricVariableUpdate) d).getVariableName()).contains(ORDER_NUMBERS).doesNotContain(CART_TOTAL, PRICE_NOTE);
    assertThat(runtime.getVariable(id, CART_TOTAL)).as("the form still reads it").isEqualTo("$2.00");
  }

  @Test
  void theApprovalDecisionIsAudited_theOrderRuleChecksAreNot() {
    long approvals = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("OrderApproval").count();
    long scopeRules = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("ScopeRule").count();
    decisions.evaluateDecisionTableByKey("OrderApproval", Variables.createVariables().putValue(ORDER_CURRENCY, "USD")
        .putValue(ORDER_TOTAL_AMOUNT, 60000.0).putValue(ORDER_QUANTITY, 1L));
    decisions.evaluateDecisionTableByKey("ScopeRule", Variables.createVariables().putValue("subscriptionKind", "Azure plan")
        .putValue("scope", "shared"));
    assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("OrderApproval").count()).isEqualTo(approvals + 1);
    assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("ScopeRule").count()).isEqualTo(scopeRules);
  }
}
