package com.reservationdesk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;

/** Tests and benchmarks run without the job executor: the asynchronous steps run when they say. */
public final class Jobs {

  private Jobs() {}

  /** Runs the due jobs of one process instance (of all, with null) until none is left, ten rounds at most. */
  public static void runDue(ManagementService management, String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      JobQuery query = management.createJobQuery().executable();
      List<Job> jobs = processInstanceId == null ? query.list() : query.processInstanceId(processInstanceId).list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /**
   * Completes a task as its assignee would in Tasklist: authenticated with their groups, so delegates
   * see who acted and authorizations apply. The test itself reads and queries unauthenticated.
   */
  public static void completeAsAssignee(org.camunda.bpm.engine.IdentityService identity, org.camunda.bpm.engine.TaskService tasks,
      org.camunda.bpm.engine.task.Task task, Map<String, Object> variables) {
    String user = task.getAssignee();
    try {
      if (user != null) {
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId).toList());
      }
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Starts a purchase as an agent of group agents would, then goes back to unauthenticated test code. */
  public static String startAs(org.camunda.bpm.engine.IdentityService identity, org.camunda.bpm.engine.RuntimeService runtime,
      String user, String processKey, Map<String, Object> variables) {
    try {
      identity.setAuthentication(user, List.of("agents"));
      return runtime.startProcessInstanceByKey(processKey, variables).getId();
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Submits a process's start form as an agent of group agents would in Tasklist, which knows the process
   * definition's id from its list of processes, then goes back to unauthenticated test code.
   */
  public static String submitStartFormAs(org.camunda.bpm.engine.IdentityService identity,
      org.camunda.bpm.engine.FormService forms, String user, String processDefinitionId, Map<String, Object> variables) {
    try {
      identity.setAuthentication(user, List.of("agents"));
      return forms.submitStartForm(processDefinitionId, variables).getId();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Variables from name, value pairs, as a form submits them. */
  public static Map<String, Object> variables(Object... nameValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      values.put((String) nameValues[i], nameValues[i + 1]);
    }
    return values;
  }
}
