package com.reservationdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** Works one purchase through its tasks as the agents would, for tests of the whole app. */
record PurchaseDriver(RuntimeService runtime, TaskService tasks, IdentityService identity, ManagementService management,
    String instanceId) {

  private static final ObjectMapper JSON = new ObjectMapper();

  void runJobs() {
    Jobs.runDue(management, instanceId);
  }

  /** The one open task, which must be the one expected. */
  Task task(String key) {
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task).as("the purchase waits at a user task").isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    return task;
  }

  void complete(Task task, Object... nameValues) {
    Jobs.completeAsAssignee(identity, tasks, task, Jobs.variables(nameValues));
  }

  Object variable(String name) {
    return runtime.getVariable(instanceId, name);
  }

  JsonNode jsonVariable(String name) {
    try {
      return JSON.readTree(runtime.getVariable(instanceId, name).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
