package com.reservationdesk.policy;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
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

/** Every row of the tables in processes/OrderRules.dmn, evaluated by the DMN engine Camunda runs (FEEL Scala). */
class OrderRulesDecisionTest {

  private static final Path MODEL = Path.of("processes", "OrderRules.dmn");
  private static final String AZURE_PLAN_IS_SHARED =
      "For an Azure plan the reservation scope is shared, as in the Partner Center dashboard. Choose shared.";
  private static final String FIVE_YEARS_ONLY_FOR_HBV2 =
      "A 5-year term is sold only for HBv2 reservations. Choose 1 or 3 years.";

  /** The rules that matched in the last evaluation, so each case can say which row it hits. */
  private static List<String> matchedRules = List.of();
  private static DmnEngine engine;
  private static Map<String, DmnDecision> decisions;

  @BeforeAll
  static void parseTheModel() throws IOException {
    engine = RuleRecordingEngine.build(ids -> matchedRules = ids);
    try (InputStream model = Files.newInputStream(MODEL)) {
      decisions = engine.parseDecisions(model).stream().collect(toMap(DmnDecision::getKey, Function.identity()));
    }
  }

  @Test
  void theModelHasTheFourDecisionsAndRunsOnFeelScala() {
    assertThat(decisions).containsOnlyKeys("ScopeRule", "TermRule", "QuantityLimits", "SavingsPlanCommitment");
    assertThat(decisions.values()).allMatch(DmnDecision::isDecisionTable);
    assertThat(((DefaultDmnEngineConfiguration) engine.getConfiguration()).getFeelEngineFactory())
        .isInstanceOf(ScalaFeelEngineFactory.class);
  }

  @Test
  void everyDecisionCarriesTheConventionsOfTheModels() {
    DmnModelInstance model = Dmn.readModelFromFile(MODEL.toFile());
    assertThat(model.getDefinitions().getId()).isEqualTo("Definitions_OrderRules");
    assertThat(model.getDefinitions().getDomElement()
        .getAttribute("http://camunda.org/schema/modeler/1.0", "executionPlatformVersion")).isEqualTo("7.24.0");
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).isEqualTo("P180D");
      assertThat(decision.getVersionTag()).as(decision.getId()).isEqualTo("1.0.0");
      DecisionTable table = (DecisionTable) decision.getExpression();
      assertThat(table.getHitPolicy()).as(decision.getId()).isEqualTo(HitPolicy.FIRST);
      for (Rule rule : table.getRules()) {
        assertThat(rule.getId()).startsWith("Rule_");
        assertThat(rule.getDescription()).as(rule.getId()).isNotNull();
        assertThat(rule.getDescription().getTextContent()).as(rule.getId()).isNotBlank();
      }
    }
  }

  // --- Allowed scope ---

  @Test
  void anAzurePlanReservationCannotHaveASingleScope() {
    Map<String, Object> result = evaluate("ScopeRule",
        Variables.createVariables().putValue("subscriptionKind", "Azure plan").putValue("scope", "single"));

    assertThat(matchedRules).containsExactly("Rule_Scope_AzurePlanSingle");
    assertThat(result).containsEntry("allowed", false).containsEntry("message", AZURE_PLAN_IS_SHARED);
  }

  @ParameterizedTest(name = "{0} with scope {1} is allowed")
  @CsvSource({
      "Azure plan,      shared",
      "CSP Azure offer, shared",
      "CSP Azure offer, single",
  })
  void everyOtherScopeIsAllowed(String subscriptionKind, String scope) {
    Map<String, Object> result = evaluate("ScopeRule",
        Variables.createVariables().putValue("subscriptionKind", subscriptionKind).putValue("scope", scope));

    assertThat(matchedRules).containsExactly("Rule_Scope_Otherwise");
    assertThat(result).containsEntry("allowed", true).containsEntry("message", "");
  }

  // --- Allowed term ---

  @ParameterizedTest(name = "{0} {1} for {2}: rule {3}, allowed {4}")
  @CsvSource({
      // the one product sold for 5 years
      "vm,       HBv2, P5Y, HBv2FiveYears,        true",
      // 5 years for anything else
      "vm,       Dsv5, P5Y, FiveYearsOnlyForHBv2, false",
      "sql,      '',   P5Y, FiveYearsOnlyForHBv2, false",
      "cosmosdb, '',   P5Y, FiveYearsOnlyForHBv2, false",
      "sql,      HBv2, P5Y, FiveYearsOnlyForHBv2, false",
      // 1 and 3 years for everything
      "vm,       HBv2, P3Y, Otherwise,            true",
      "vm,       HBv2, P1Y, Otherwise,            true",
      "vm,       Dsv5, P3Y, Otherwise,            true",
      "vm,       Dsv5, P1Y, Otherwise,            true",
      "sql,      '',   P3Y, Otherwise,            true",
      "cosmosdb, '',   P1Y, Otherwise,            true",
  })
  void onlyHBv2IsSoldForFiveYears(String productType, String family, String term, String rule, boolean allowed) {
    Map<String, Object> result = evaluate("TermRule", Variables.createVariables()
        .putValue("productType", productType).putValue("family", family).putValue("term", term));

    assertThat(matchedRules).containsExactly("Rule_Term_" + rule);
    assertThat(result).containsEntry("allowed", allowed)
        .containsEntry("message", allowed ? "" : FIVE_YEARS_ONLY_FOR_HBV2);
  }

  // --- Quantity limits ---

  @ParameterizedTest(name = "{0}: {2} per line, {3} per order, in {4}")
  @CsvSource({
      "vm,       VirtualMachines, 1000,   5000,   instances",
      "sql,      SqlDatabases,    2000,   10000,  vCores",
      "cosmosdb, CosmosDb,        100000, 500000, × 100 RU/s",
      "savingsPlan, SavingsPlans, 1,      1,      savings plan",
      "storage,  OtherProducts,   1000,   5000,   units",
      "'',       OtherProducts,   1000,   5000,   units",
  })
  void eachProductTypeHasItsLimits(String productType, String rule, int maxPerLine, int maxPerOrder, String unit) {
    Map<String, Object> result = evaluate("QuantityLimits", Variables.createVariables().putValue("productType", productType));

    assertThat(matchedRules).containsExactly("Rule_Quantity_" + rule);
    assertThat(result).containsExactlyInAnyOrderEntriesOf(
        Map.of("maxPerLine", maxPerLine, "maxPerOrder", maxPerOrder, "unit", unit));
  }

  // --- Savings plan commitment ---

  @ParameterizedTest(name = "a {0} savings plan commits 0.10 to 200 dollars an hour")
  @CsvSource({"P1Y", "P3Y", "''"})
  void aSavingsPlanCommitsTenCentsToTwoHundredDollarsAnHour(String term) {
    Map<String, Object> result = evaluate("SavingsPlanCommitment", Variables.createVariables().putValue("term", term));

    assertThat(matchedRules).containsExactly("Rule_Commitment_AnyTerm");
    assertThat(result).containsExactlyInAnyOrderEntriesOf(Map.of("minimumPerHourUsd", 0.10, "maximumPerHourUsd", 200.0));
  }

  private static Map<String, Object> evaluate(String decisionKey, VariableMap variables) {
    return engine.evaluateDecisionTable(decisions.get(decisionKey), variables).getSingleResult().getEntryMap();
  }
}
