package com.reservationdesk;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;
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
import org.springframework.context.ApplicationContext;

/** Works one purchase through its tasks as the agents would, for tests of the whole app. */
record PurchaseDriver(RuntimeService runtime, TaskService tasks, IdentityService identity, ManagementService management,
    String instanceId) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A purchase an agent starts for a customer, in the app's engine. */
  static PurchaseDriver start(ApplicationContext app, String agent, String customerSearch) {
    RuntimeService runtime = app.getBean(RuntimeService.class);
    IdentityService identity = app.getBean(IdentityService.class);
    String instanceId = Jobs.startAs(identity, runtime, agent, PROCESS_KEY, Jobs.variables(CUSTOMER_SEARCH, customerSearch));
    return new PurchaseDriver(runtime, app.getBean(TaskService.class), identity, app.getBean(ManagementService.class), instanceId);
  }

  /**
   * Works a purchase for a customer with one active subscription up to the agent's *Buy*, running its
   * jobs on the way: D2s_v5 in West Europe for 3 years, one instance, shared, the Tailspin reseller.
   * Its asynchronous steps after *Buy* are left to whoever runs jobs next.
   */
  void upToBuy() {
    runJobs();
    complete(task("UserTask_ChooseSubscription"), SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID,
        jsonVariable(SUBSCRIPTION_OPTIONS).get(0).get("value").asText());
    skipRecommendations();
    complete(task("UserTask_FilterReservations"), FILTER_ACTION, "search", PRODUCT_TYPE, "vm", REGION, "westeurope",
        SIZE_FILTER, "D2s_v5", TERM, "P3Y", BILLING_PLAN, "upfront");
    runJobs();
    complete(task("UserTask_ChooseReservation"), CART_ACTION, "addAndReview", RESERVATION,
        jsonVariable(RESERVATION_RESULTS).get(0).get("value").asText(), QUANTITY, 1);
    complete(task("UserTask_ReviewOrder"), REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383");
  }

  /**
   * After the subscription is chosen: runs the recommendation step, and when something is recommended, goes on to
   * the catalog as an agent who skips it would.
   */
  void skipRecommendations() {
    runJobs();
    Task next = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    if (next != null && "UserTask_ChooseRecommendations".equals(next.getTaskDefinitionKey())) {
      complete(next, RECOMMENDATION_ACTION, "search");
    }
  }

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
