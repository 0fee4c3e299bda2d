package com.reservationdesk.process.reservation;

import static com.reservationdesk.process.reservation.ReservationVariables.*;

import com.reservationdesk.process.purchase.TasklistFilters;
import com.reservationdesk.process.refund.ReturnVariables;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of the work after the purchase, beside the purchase's: what the watches raised for the agent (or
 * for every agent) and the agent's scope changes, returns and exchanges; and, for approvers, the returns and exchanges to
 * approve. Listed after the purchase's filters.
 */
@Component
class AfterPurchaseTasklistFilters {

  static final String MY_RESERVATIONS = "Reservations to look after";
  static final String RETURNS_TO_APPROVE = "Returns and exchanges to approve";

  private final TasklistFilters filters;
  private final TaskService tasks;

  AfterPurchaseTasklistFilters(TasklistFilters filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void createMissing() {
    filters.create(MY_RESERVATIONS, 10, "Renewals due, under-used reservations, and your scope changes, returns and exchanges.",
        tasks.createTaskQuery()
            .processDefinitionKeyIn(RENEWAL_KEY, UNDER_USE_KEY, SCOPE_KEY, ReturnVariables.RETURN_KEY, ReturnVariables.EXCHANGE_KEY)
            .or().taskAssigneeExpression("${currentUser()}").taskCandidateGroupInExpression("${currentUserGroups()}").endOr());
    filters.create(RETURNS_TO_APPROVE, 12, "Returns and exchanges your group approves: claim one, then approve or reject it.",
        tasks.createTaskQuery().taskDefinitionKeyIn("UserTask_ApproveReturn", "UserTask_ApproveExchange")
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
  }
}
