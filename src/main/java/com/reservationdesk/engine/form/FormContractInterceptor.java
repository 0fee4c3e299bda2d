package com.reservationdesk.engine.form;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Holds every command a user sends (REST API, Tasklist, Cockpit, Java API) to the {@link FormContract}
 * before it runs, inside its transaction: a refused command changes nothing. Commands the engine runs
 * inside another command (our own delegates', the engine's) are the server's, and pass.
 */
class FormContractInterceptor extends CommandInterceptor {

  private final FormContract contract;

  FormContractInterceptor(FormContract contract) {
    this.contract = contract;
  }

  @Override
  public <T> T execute(Command<T> command) {
    boolean outermost = contract.enter();
    try {
      if (outermost) {
        contract.check(command, Context.getCommandContext());
      }
      return next.execute(command);
    } finally {
      contract.leave();
    }
  }
}
