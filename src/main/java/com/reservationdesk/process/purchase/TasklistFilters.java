package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters agents and approvers work from, created at start when missing (an operator's
 * later changes to them are kept): their own purchases, orders waiting for approval, and purchases that
 * came back to them (refused, rejected, a slow registration, an expiring cart).
 */
@Component
public class TasklistFilters {

  static final String MY_PURCHASES = "My purchases";
  static final String WAITING_FOR_APPROVAL = "Waiting for approval";
  static final String NEEDS_ATTENTION = "Needs attention";

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filters;
  private final TaskService tasks;

  public TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void createMissing() {
    create(MY_PURCHASES, -20, "The purchases you work on: every task assigned to you.",
        tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).taskAssigneeExpression("${currentUser()}"));
    create(WAITING_FOR_APPROVAL, -10, "Large orders your group approves: claim one, then approve or reject it.",
        tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).taskDefinitionKey("UserTask_ApproveOrder")
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    create(NEEDS_ATTENTION, -15, "Purchases that came back to you: refused by Partner Center, rejected by an approver, "
            + "waiting for a registration, or about to expire.",
        tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).taskAssigneeExpression("${currentUser()}")
            .or()
            .taskDefinitionKeyIn("UserTask_FixOrder", "UserTask_RegistrationPending", "UserTask_RemindAgent")
            .processVariableValueLike(REVIEW_NOTE, "%")
            .endOr());
  }

  /** Creates the filter unless one of that name exists (an operator may have changed it): for the other processes' filters too. */
  public void create(String name, int priority, String description, TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", CUSTOMER_NAME, "label", "Customer"),
        Map.of("name", CART_TOTAL, "label", "Cart total")));
    Filter filter = filters.newTaskFilter(name).setProperties(properties).setQuery(query);
    filters.saveFilter(filter);
    log.info("Tasklist filter \u201c{}\u201d created", name);
  }
}
