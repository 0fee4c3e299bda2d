package com.reservationdesk.security;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.AppTest;
import com.reservationdesk.Jobs;
import com.reservationdesk.engine.security.AuthorizationSetup;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/** Each group sees what it works on, and nothing else: Camunda authorizations from AuthorizationSetup. */
@AppTest
class AuthorizationTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void anAgentWorksTheirOwnPurchase_anotherAgentCannotOpenIt() throws Exception {
    String instanceId = Jobs.startAs(identity, runtime, "alice", PROCESS_KEY, Map.of(CUSTOMER_SEARCH, "Contoso Ltd"));
    Jobs.runDue(management, instanceId);
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task.getAssignee()).isEqualTo("alice");

    assertThat(rest.withBasicAuth("alice", "alice").getForEntity("/engine-rest/task/" + task.getId(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // Not even told the task exists.
    assertThat(rest.withBasicAuth("bob", "bob").getForEntity("/engine-rest/task/" + task.getId(), String.class).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(json.readTree(rest.withBasicAuth("bob", "bob")
        .getForEntity("/engine-rest/task?processInstanceId=" + instanceId, String.class).getBody())).isEmpty();
    assertThat(rest.withBasicAuth("bob", "bob").postForEntity("/engine-rest/task/" + task.getId() + "/complete",
        jsonBody("{\"variables\": {\"subscriptionAction\": {\"value\": \"cancel\"}}}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("nothing changed").isOne();
    // An approver does not see an agent's task either, nor may an agent read the process's variables directly.
    assertThat(rest.withBasicAuth("carol", "carol").getForEntity("/engine-rest/task/" + task.getId(), String.class).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("bob", "bob")
        .getForEntity("/engine-rest/process-instance/" + instanceId + "/variables", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    runtime.deleteProcessInstance(instanceId, "test done");
  }

  @Test
  void eachGroupOpensItsOwnWebapps() {
    assertThat(webappLogin("alice", "tasklist")).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("alice", "cockpit")).isNotEqualTo(HttpStatus.OK);
    assertThat(webappLogin("alice", "admin")).isNotEqualTo(HttpStatus.OK);
    assertThat(webappLogin("carol", "tasklist")).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("carol", "cockpit")).isNotEqualTo(HttpStatus.OK);
    assertThat(webappLogin("oscar", "cockpit")).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("oscar", "admin")).isNotEqualTo(HttpStatus.OK);
    assertThat(webappLogin("admin", "admin")).isEqualTo(HttpStatus.OK);
  }

  /** Logs in to a Camunda webapp as its login page does: CSRF token from the page, then the form. */
  private HttpStatus webappLogin(String user, String app) {
    var page = rest.getForEntity("/camunda/app/" + app + "/", String.class);
    java.util.List<String> cookies = page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, java.util.List.of()).stream()
        .map(c -> c.split(";", 2)[0]).toList();
    String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring("XSRF-TOKEN=".length()))
        .findFirst().orElseThrow();
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", user);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add("X-XSRF-TOKEN", token);
    headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
    var answer = rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app, new HttpEntity<>(form, headers), String.class);
    return HttpStatus.valueOf(answer.getStatusCode().value());
  }

  private static HttpEntity<String> jsonBody(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
