package com.reservationdesk.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of processes/OrderApproval.dmn, evaluated by the DMN engine Camunda runs (FEEL Scala). */
class OrderApprovalDecisionTest {

  private static final Path MODEL = Path.of("processes", "OrderApproval.dmn");
  private static final String NO_THRESHOLD =
      "There is no approval threshold for this currency, so every order in it needs approval.";
  private static final String MORE_THAN_500_UNITS = "The order covers more than 500 units.";

  /** The rules that matched in the last evaluation, so each case can say which row it hits. */
  private static List<String> matchedRules = List.of();
  private static DmnEngine engine;
  private static DmnDecision orderApproval;

  @BeforeAll
  static void parseTheModel() throws IOException {
    engine = RuleRecordingEngine.build(ids -> matchedRules = ids);
    try (InputStream model = Files.newInputStream(MODEL)) {
      orderApproval = engine.parseDecision("OrderApproval", model);
    }
  }

  @Test
  void theModelRunsOnFeelScalaAndCarriesTheConventionsOfTheModels() {
    assertThat(orderApproval.isDecisionTable()).isTrue();
    assertThat(((DefaultDmnEngineConfiguration) engine.getConfiguration()).getFeelEngineFactory())
        .isInstanceOf(ScalaFeelEngineFactory.class);

    DmnModelInstance model = Dmn.readModelFromFile(MODEL.toFile());
    assertThat(model.getDefinitions().getId()).isEqualTo("Definitions_OrderApproval");
    assertThat(model.getDefinitions().getDomElement()
        .getAttribute("http://camunda.org/schema/modeler/1.0", "executionPlatformVersion")).isEqualTo("7.24.0");
    Decision decision = model.getModelElementById("OrderApproval");
    assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    assertThat(decision.getVersionTag()).isEqualTo("1.0.0");
    DecisionTable table = (DecisionTable) decision.getExpression();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(table.getRules()).hasSize(21).allSatisfy((Rule rule) -> {
      assertThat(rule.getId()).startsWith("Rule_Approval_");
      assertThat(rule.getDescription()).as(rule.getId()).isNotNull();
      assertThat(rule.getDescription().getTextContent()).as(rule.getId()).isNotBlank();
    });
  }

  @ParameterizedTest(name = "{0}: {1} needs no approval, {2} does")
  @CsvSource({
      "USD, 50000,    50000.01,    'The order total is above USD 50,000.'",
      "EUR, 46000,    46000.01,    'The order total is above EUR 46,000.'",
      "GBP, 40000,    40000.01,    'The order total is above GBP 40,000.'",
      "CHF, 44000,    44000.01,    'The order total is above CHF 44,000.'",
      "SEK, 530000,   530000.01,   'The order total is above SEK 530,000.'",
      "NOK, 550000,   550000.01,   'The order total is above NOK 550,000.'",
      "DKK, 345000,   345000.01,   'The order total is above DKK 345,000.'",
      "PLN, 200000,   200000.01,   'The order total is above PLN 200,000.'",
      "CAD, 70000,    70000.01,    'The order total is above CAD 70,000.'",
      "AUD, 76000,    76000.01,    'The order total is above AUD 76,000.'",
      "NZD, 86000,    86000.01,    'The order total is above NZD 86,000.'",
      "JPY, 7500000,  7500001,     'The order total is above JPY 7,500,000.'",
      "INR, 4200000,  4200000.01,  'The order total is above INR 4,200,000.'",
      "BRL, 285000,   285000.01,   'The order total is above BRL 285,000.'",
      "KRW, 69000000, 69000001,    'The order total is above KRW 69,000,000.'",
      "SGD, 67000,    67000.01,    'The order total is above SGD 67,000.'",
      "ZAR, 900000,   900000.01,   'The order total is above ZAR 900,000.'",
  })
  void anOrderAboveTheThresholdOfItsCurrencyNeedsApproval(String currency, BigDecimal threshold, BigDecimal justAbove,
      String reason) {
    assertThat(evaluate(currency, threshold, 1)).containsEntry("approvalRequired", false).containsEntry("approvalReason", "");
    assertThat(matchedRules).containsExactly("Rule_Approval_Otherwise");

    assertThat(evaluate(currency, justAbove, 1)).containsEntry("approvalRequired", true).containsEntry("approvalReason", reason);
    assertThat(matchedRules).containsExactly("Rule_Approval_" + currency + "AboveLimit");
  }

  @Test
  void theThresholdOfOneCurrencyDoesNotApplyToAnother() {
    // EUR 46,000.01 is above the EUR threshold, but a USD order of that amount is not above the USD one
    assertThat(evaluate("USD", new BigDecimal("46000.01"), 1)).containsEntry("approvalRequired", false);
    assertThat(matchedRules).containsExactly("Rule_Approval_Otherwise");
    // and a total above the USD threshold in yen is small
    assertThat(evaluate("JPY", new BigDecimal("50000.01"), 1)).containsEntry("approvalRequired", false);
  }

  @ParameterizedTest(name = "{0} {1} for {2} units needs approval: no threshold for the currency")
  @CsvSource({
      "XYZ, 1,      1",
      "KWD, 0.001,  1",
      "MXN, 100000, 600",
  })
  void everyOrderInACurrencyWithoutThresholdNeedsApproval(String currency, BigDecimal total, int quantity) {
    assertThat(evaluate(currency, total, quantity))
        .containsEntry("approvalRequired", true).containsEntry("approvalReason", NO_THRESHOLD);
    assertThat(matchedRules).containsExactly("Rule_Approval_CurrencyWithoutLimit");
  }

  @ParameterizedTest(name = "{0} {1} for {2} units: approval {3}")
  @CsvSource({
      "USD, 100,     500, false",
      "USD, 100,     501, true",
      "EUR, 46000,   501, true",
      "JPY, 7500000, 501, true",
  })
  void anOrderOfMoreThan500UnitsNeedsApproval(String currency, BigDecimal total, int quantity, boolean approvalRequired) {
    assertThat(evaluate(currency, total, quantity)).containsEntry("approvalRequired", approvalRequired)
        .containsEntry("approvalReason", approvalRequired ? MORE_THAN_500_UNITS : "");
    assertThat(matchedRules).containsExactly(approvalRequired ? "Rule_Approval_MoreThan500Units" : "Rule_Approval_Otherwise");
  }

  @Test
  void theTotalIsTheReasonGivenWhenAnOrderIsAboveBothLimits() {
    assertThat(evaluate("GBP", new BigDecimal("40000.01"), 501))
        .containsEntry("approvalRequired", true).containsEntry("approvalReason", "The order total is above GBP 40,000.");
    assertThat(matchedRules).containsExactly("Rule_Approval_GBPAboveLimit");
  }

  @ParameterizedTest(name = "{0} {1} for {2} units needs no approval")
  @CsvSource({
      "USD, 0,        1",
      "USD, 49999.99, 500",
      "CHF, 1000,     10",
  })
  void anOrderBelowTheLimitsNeedsNoApproval(String currency, BigDecimal total, int quantity) {
    assertThat(evaluate(currency, total, quantity)).containsEntry("approvalRequired", false).containsEntry("approvalReason", "");
    assertThat(matchedRules).containsExactly("Rule_Approval_Otherwise");
  }

  @Test
  void theTotalMayAlsoBeADoubleAndTheQuantityALong() {
    // The process passes the total as a double (typeRef "double"); a BigDecimal is converted the same way.
    Map<String, Object> result = engine.evaluateDecisionTable(orderApproval, Variables.createVariables()
        .putValue("orderCurrency", "USD").putValue("orderTotalAmount", 50000.01d).putValue("orderQuantity", 1L)).getSingleResult().getEntryMap();
    assertThat(result).containsEntry("approvalRequired", true);
    assertThat(matchedRules).containsExactly("Rule_Approval_USDAboveLimit");
  }

  @Test
  void anOrderWithoutATotalNeedsApproval() {
    Map<String, Object> result = engine.evaluateDecisionTable(orderApproval, Variables.createVariables()
        .putValue("orderCurrency", "USD").putValue("orderTotalAmount", null).putValue("orderQuantity", 1L)).getSingleResult().getEntryMap();
    assertThat(result).containsEntry("approvalRequired", true)
        .containsEntry("approvalReason", "The order total is unknown, so the order needs approval.");
    assertThat(matchedRules).containsExactly("Rule_Approval_TotalUnknown");
  }

  private static Map<String, Object> evaluate(String currency, BigDecimal orderTotal, int orderQuantity) {
    return engine.evaluateDecisionTable(orderApproval, Variables.createVariables()
            .putValue("orderCurrency", currency).putValue("orderTotalAmount", orderTotal).putValue("orderQuantity", orderQuantity))
        .getSingleResult().getEntryMap();
  }
}
