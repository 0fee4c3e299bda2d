package com.reservationdesk.process.reservation;

import static com.reservationdesk.process.reservation.ReservationVariables.*;

import com.reservationdesk.reservation.ReservationSweep;
import com.reservationdesk.reservation.ReservationWatches;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sweeps' steps: each page of work is one job (asynchronous, retried, then an incident), so a sweep of 100,000
 * reservations is many short transactions, and the process instance's exclusive jobs run one at a time on one node.
 */
@Configuration
public class SweepDelegates {

  /**
   * One sweep at a time: a second instance of the same sweep (started by hand, or on another node while one runs) ends
   * at once. Should two start in the same instant, the watches' unique keys still raise each task once.
   */
  @Bean("checkOneSweep")
  JavaDelegate checkOneSweep() {
    return execution -> {
      String key = execution.getProcessEngineServices().getRepositoryService()
          .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
      long others = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key)
          .active().list().stream().filter(p -> !p.getId().equals(execution.getProcessInstanceId())).count();
      execution.setVariable(OTHER_SWEEP_RUNNING, Variables.booleanValue(others > 0, true));
    };
  }

  /** A page of the nightly sweep: refresh the reservations, raise the renewal notices due, start their tasks. */
  @Bean("syncReservationPage")
  JavaDelegate syncReservationPage(ReservationSweep sweep, ReservationWatches watches, WatchTasks tasks,
      @Value("${reservation-desk.watch.page-size:500}") int pageSize) {
    return execution -> {
      ReservationSweep.PageResult page = sweep.syncPage((String) execution.getVariable(SWEEP_CONTINUATION), pageSize);
      int started = tasks.start(execution.getProcessEngineServices(), watches.raiseRenewalNotices(page.records()));
      execution.setVariable(SWEEP_CONTINUATION, page.continuation());
      count(execution, SWEEP_PAGES, 1);
      count(execution, SWEEP_RESERVATIONS, page.records().size());
      count(execution, SWEEP_TASKS, started);
    };
  }

  /**
   * A page of the weekly sweep: raise the under-use tasks due among the next reservations, start them. Smaller pages
   * than the nightly one: nearly every candidate starts a process, and the engine's flush of one transaction grows
   * faster than the number of instances it starts.
   */
  @Bean("raiseUnderUsePage")
  JavaDelegate raiseUnderUsePage(ReservationWatches watches, WatchTasks tasks,
      @Value("${reservation-desk.watch.under-use-page-size:100}") int pageSize) {
    return execution -> {
      ReservationWatches.UnderUsePage page = watches.raiseUnderUse((String) execution.getVariable(UNDER_USE_AFTER), pageSize);
      int started = tasks.start(execution.getProcessEngineServices(), page.raised());
      execution.setVariable(UNDER_USE_AFTER, page.next());
      count(execution, SWEEP_PAGES, 1);
      count(execution, SWEEP_TASKS, started);
    };
  }

  private static void count(DelegateExecution execution, String name, int more) {
    Object current = execution.getVariable(name);
    execution.setVariable(name, (current instanceof Number n ? n.intValue() : 0) + more);
  }
}
