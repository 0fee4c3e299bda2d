package com.reservationdesk.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * How careful a recommendation is, decided by the tables in {@code processes/RecommendationRules.dmn} that process
 * owners tune in Camunda Modeler: how far back usage is read, how well a reservation must be used, and how much a
 * recommendation must save to be shown.
 */
@Service
public class RecommendationPolicy {

  static final String LOOK_BACK = "RecommendationLookBack";
  static final String THRESHOLDS = "RecommendationThresholds";
  /** The tables this policy asks. */
  public static final Set<String> TABLES = Set.of(LOOK_BACK, THRESHOLDS);
  private static final Set<Integer> LOOK_BACK_DAYS = Set.of(7, 30, 60);

  /** What a recommendation is: a reservation of a size, or a compute savings plan. */
  public enum Kind {
    RESERVATION("reservation"),
    SAVINGS_PLAN("savingsPlan");

    private final String tableValue;

    Kind(String tableValue) {
      this.tableValue = tableValue;
    }

    /** As the tables' {@code kind} input compares it. */
    public String tableValue() {
      return tableValue;
    }
  }

  /**
   * @param minimumUtilization the share of a reservation's or commitment's hours the usage must fill, 0 to 1
   * @param minimumMonthlySavingUsd what a recommendation must save a month, in US dollars (converted to the customer's currency)
   */
  public record Thresholds(double minimumUtilization, double minimumMonthlySavingUsd) {}

  private final RuleTables tables;
  /** The same answers as long as the same tables are deployed (models deploy when the application starts). */
  private final Cache<String, Thresholds> thresholds = Caffeine.newBuilder().build();

  public RecommendationPolicy(RuleTables tables) {
    this.tables = tables;
  }

  /** How many days of usage a recommendation for a customer in this country reads: 7, 30 or 60, as Azure offers. */
  public int lookBackDays(String customerCountry) {
    Object days = tables.decide(LOOK_BACK, Map.of("customerCountry", customerCountry == null ? "" : customerCountry))
        .get("lookBackDays");
    if (!(days instanceof Number number) || !LOOK_BACK_DAYS.contains(number.intValue())) {
      throw new IllegalStateException(LOOK_BACK + " answers " + days + " days for " + customerCountry
          + ": usage is read for 7, 30 or 60 days. Correct the table in RecommendationRules.dmn.");
    }
    return number.intValue();
  }

  /** The thresholds for a kind of recommendation and a term ({@code P1Y}, {@code P3Y}). */
  public Thresholds thresholds(Kind kind, String term) {
    return thresholds.get(kind.tableValue() + '|' + term, key -> {
      Map<String, Object> result = tables.decide(THRESHOLDS, Map.of("kind", kind.tableValue(), "term", term));
      double utilization = number(result, "minimumUtilizationPercent");
      double saving = number(result, "minimumMonthlySavingUsd");
      if (utilization < 0 || utilization > 100 || saving < 0) {
        throw new IllegalStateException(THRESHOLDS + " answers " + result + " for " + key
            + ": a utilization is 0 to 100 percent and a saving is not negative. Correct the table in RecommendationRules.dmn.");
      }
      return new Thresholds(utilization / 100, saving);
    });
  }

  private static double number(Map<String, Object> result, String name) {
    Object value = result.get(name);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException(THRESHOLDS + " gives no number for " + name + ": " + result);
    }
    return number.doubleValue();
  }
}
