package com.reservationdesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;

/** What every process's glue reads and writes the same way: shared by the rooms of the processes. */
public final class ProcessValues {

  private ProcessValues() {}

  /** A variable as text; null when it is not set. */
  public static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** The user who completed the current task (the engine's authentication); null when a job or the server runs this. */
  public static String currentUser(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** A gateway's decision, transient: the next gateway reads it in this transaction, history need not keep it. */
  public static void decide(DelegateExecution execution, String name, FormValue decision) {
    execution.setVariable(name, Variables.stringValue(decision.value(), true));
  }
}
