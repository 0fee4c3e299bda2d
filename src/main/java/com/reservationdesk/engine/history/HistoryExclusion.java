package com.reservationdesk.engine.history;

import java.util.Set;

/**
 * What a process's history need not keep, declared by the process's glue: the variables its forms only
 * show (their facts are in Reservation Desk's records) and the rule tables it asks outside a process, whose
 * verdict is in the process's outcome.
 */
public interface HistoryExclusion {

  /** The process definition key whose variables are meant. */
  String processKey();

  Set<String> displayOnlyVariables();

  /** Decision keys evaluated on their own (not from a business rule task) and not worth a history row. */
  Set<String> unauditedDecisions();

  /** The exclusion of one process: what a process's glue declares. */
  static HistoryExclusion of(String processKey, Set<String> displayOnlyVariables, Set<String> unauditedDecisions) {
    return new HistoryExclusion() {
      @Override
      public String processKey() {
        return processKey;
      }

      @Override
      public Set<String> displayOnlyVariables() {
        return displayOnlyVariables;
      }

      @Override
      public Set<String> unauditedDecisions() {
        return unauditedDecisions;
      }
    };
  }
}
