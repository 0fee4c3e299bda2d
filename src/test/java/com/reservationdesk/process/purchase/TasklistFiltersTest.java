package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.AppTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AppTest
class TasklistFiltersTest {

  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;

  @AfterEach
  void logout() {
    identity.clearAuthentication();
  }

  @Test
  void agentsAndApproversFindTheirTasksInFiltersCreatedAtStart() {
    assertThat(filters.createFilterQuery().list()).extracting(Filter::getName)
        .contains(TasklistFilters.MY_PURCHASES, TasklistFilters.WAITING_FOR_APPROVAL, TasklistFilters.NEEDS_ATTENTION);

    // An agent's task, an approval task and a task that came back with a note, in one process each.
    Task review = taskAt("UserTask_ReviewOrder", "alice", Map.of(REVIEW_NOTE, "Rejected by carol: too many"));
    Task fresh = taskAt("UserTask_FilterReservations", "alice", Map.of());
    Task approval = taskAt("UserTask_ApproveOrder", null, Map.of());
    Task bobs = taskAt("UserTask_FilterReservations", "bob", Map.of());

    identity.setAuthentication("alice", List.of("agents"));
    assertThat(ids(TasklistFilters.MY_PURCHASES)).contains(review.getId(), fresh.getId()).doesNotContain(approval.getId(), bobs.getId());
    assertThat(ids(TasklistFilters.NEEDS_ATTENTION)).contains(review.getId()).doesNotContain(fresh.getId(), bobs.getId());
    assertThat(ids(TasklistFilters.WAITING_FOR_APPROVAL)).doesNotContain(approval.getId());

    identity.setAuthentication("carol", List.of("approvers"));
    assertThat(ids(TasklistFilters.WAITING_FOR_APPROVAL)).contains(approval.getId()).doesNotContain(review.getId());
  }

  private List<String> ids(String filterName) {
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    return filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
  }

  /** A purchase process moved straight to one task, as process instance modification does. */
  private Task taskAt(String taskKey, String startedBy, Map<String, Object> variables) {
    var instance = runtime.createProcessInstanceByKey(PROCESS_KEY).startBeforeActivity(taskKey)
        .setVariable(STARTED_BY, startedBy).setVariables(variables).execute();
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }
}
