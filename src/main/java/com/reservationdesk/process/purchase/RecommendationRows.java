package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.common.Money;
import com.reservationdesk.process.Option;
import com.reservationdesk.recommendation.Recommendation;
import com.reservationdesk.recommendation.Recommendations;
import com.reservationdesk.recommendation.UsageChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The recommendations as the ChooseRecommendations form shows them: table, checklist, notes and the picture. */
final class RecommendationRows {

  /** Panels in the form's picture: the rest are one click away, on the recommendations page. */
  static final int CHART_PANELS = 4;

  private RecommendationRows() {}

  static void write(DelegateExecution execution, Recommendations recommendations) {
    execution.setVariable(RECOMMENDATION_SUMMARY, recommendations.summary());
    execution.setVariable(RECOMMENDATION_COUNT, recommendations.recommendations().size());
    if (!recommendations.any()) {
      return;
    }
    setJson(execution, RECOMMENDATION_ROWS, recommendations.recommendations().stream().map(RecommendationRows::row).toList());
    setJson(execution, RECOMMENDATION_OPTIONS, options(recommendations));
    execution.setVariable(RECOMMENDATION_NOTES, recommendations.notes().isEmpty() ? ""
        : recommendations.notes().stream().map(n -> "- " + n).collect(Collectors.joining("\n")));
    // A JSON string, not a String variable: those hold 4,000 characters at most, a picture takes more. Tasklist gives the
    // form the string either way.
    execution.setVariable(RECOMMENDATION_CHART, org.camunda.spin.plugin.variable.SpinValues.jsonValue(
        "\"" + UsageChart.dataUri(UsageChart.svg(chartPanels(recommendations))) + "\"").create());
  }

  /** What only the recommendation step shows: gone once the agent has chosen, to keep the purchase's variables small. */
  static void clear(DelegateExecution execution) {
    List.of(RECOMMENDATION_ROWS, RECOMMENDATION_OPTIONS, RECOMMENDATION_NOTES, RECOMMENDATION_CHART).forEach(execution::removeVariable);
  }

  /** The checklist: only what the subscription can buy. */
  static List<Option> options(Recommendations recommendations) {
    return recommendations.buyable().stream()
        .map(r -> new Option(r.id() + ": " + r.title() + " \u2014 saves " + new Money(r.monthlySaving(), r.currency()).format()
            + " a month", r.id()))
        .toList();
  }

  /** The buyable reservations with the largest savings, then the best savings plan. */
  static List<Recommendation> chartPanels(Recommendations recommendations) {
    List<Recommendation> panels = new ArrayList<>(recommendations.buyable().stream().filter(r -> !r.isSavingsPlan())
        .limit(CHART_PANELS - 1).toList());
    recommendations.buyable().stream().filter(Recommendation::isSavingsPlan)
        .max(java.util.Comparator.comparing(Recommendation::monthlySaving)).ifPresent(panels::add);
    if (panels.isEmpty()) {
      panels.addAll(recommendations.recommendations().stream().limit(CHART_PANELS).toList());
    }
    return panels;
  }

  private static Map<String, Object> row(Recommendation r) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", r.id());
    row.put("recommendation", r.title());
    row.put("utilization", r.expectedUtilization().stripTrailingZeros().toPlainString() + " %");
    row.put("breakEven", r.breakEvenUtilization().stripTrailingZeros().toPlainString() + " %");
    row.put("monthly", new Money(r.monthlySaving(), r.currency()).format());
    row.put("term", new Money(r.termSaving(), r.currency()).format());
    // The usage in short (sizes and region); the whole sentence, the lowering and Azure's view are on the recommendations page.
    int colon = r.basis().indexOf(": ");
    row.put("basis", colon < 0 ? r.basis() : r.basis().substring(0, colon));
    row.put("azure", r.azureView() == null ? "\u2014" : r.azureView().replaceFirst("^Azure: ", ""));
    row.put("availability", r.isRestricted() ? "Cannot be bought: " + r.restriction() : "Can be bought");
    return row;
  }
}
