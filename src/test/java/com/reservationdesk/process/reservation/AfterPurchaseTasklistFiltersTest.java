package com.reservationdesk.process.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.AppTest;
import java.util.Date;
import java.util.HashMap;
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
class AfterPurchaseTasklistFiltersTest {

  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;

  @AfterEach
  void logout() {
    identity.clearAuthentication();
  }

  @Test
  void agentsFindTheWatchesTasksAndTheirReturns_butNotAColleaguesReturn() {
    Map<String, Object> renewal = new HashMap<>();
    renewal.put(ReservationVariables.RESERVATION_EXPIRES_AT, new Date(System.currentTimeMillis() + 86_400_000L * 30));
    renewal.put(ReservationVariables.RENEWAL_AGENT, null);
    Task renewalForEveryAgent = taskAt(ReservationVariables.RENEWAL_KEY, "UserTask_DecideRenewal", renewal);
    Task alicesReturn = taskAt("ReservationReturnProcess", "UserTask_ChooseReturn", Map.of("startedBy", "alice"));
    Task bobsReturn = taskAt("ReservationReturnProcess", "UserTask_ChooseReturn", Map.of("startedBy", "bob"));

    identity.setAuthentication("alice", List.of("agents"));
    assertThat(ids(AfterPurchaseTasklistFilters.MY_RESERVATIONS)).contains(renewalForEveryAgent.getId(), alicesReturn.getId())
        .doesNotContain(bobsReturn.getId());
    assertThat(ids(AfterPurchaseTasklistFilters.RETURNS_TO_APPROVE)).doesNotContain(alicesReturn.getId());
    identity.setAuthentication("carol", List.of("approvers"));
    assertThat(ids(AfterPurchaseTasklistFilters.MY_RESERVATIONS)).doesNotContain(renewalForEveryAgent.getId(), alicesReturn.getId());
  }

  private List<String> ids(String filterName) {
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    return filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
  }

  private Task taskAt(String processKey, String taskKey, Map<String, Object> variables) {
    var instance = runtime.createProcessInstanceByKey(processKey).startBeforeActivity(taskKey).setVariables(variables).execute();
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }
}
