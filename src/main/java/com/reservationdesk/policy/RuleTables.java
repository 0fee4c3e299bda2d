package com.reservationdesk.policy;

import java.util.Map;

/**
 * The decision tables process owners keep in {@code processes/*.dmn}, asked by their key. The engine's DMN
 * runs them (an engine extension implements this); the policy code only reads their answers.
 */
public interface RuleTables {

  /**
   * The outputs of the one rule that matches, by output name.
   *
   * @throws IllegalStateException when no rule or several match: the table is incomplete
   */
  Map<String, Object> decide(String table, Map<String, Object> inputs);
}
