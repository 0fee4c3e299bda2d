package com.reservationdesk.security;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.AppTest;
import com.reservationdesk.BytesUpload;
import com.reservationdesk.Jobs;
import com.reservationdesk.WebappSession;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Hostile requests are refused and change nothing. */
@AppTest
class AttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void anonymousCallsAreRefused() {
    assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.postForEntity("/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", jsonBody("{}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/orders", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/orders", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void cve2026_109432_anExpressionInOrQueriesIsRefusedOnBothApis() throws Exception {
    String attack = "{\"orQueries\": [{\"dueAfterExpression\": \"${execution.getProcessEngineServices().getIdentityService()"
        + ".createUserQuery().list()}\"}]}";
    ResponseEntity<String> rest1 = rest.withBasicAuth("alice", "alice").postForEntity("/engine-rest/task", jsonBody(attack), String.class);
    assertThat(rest1.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(rest1.getBody()).get("message").asText()).isEqualTo("Expressions are not allowed in orQueries.");
    assertThat(rest.withBasicAuth("alice", "alice").postForEntity("/engine-rest/task/count", jsonBody(attack), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // Tasklist's own API: refused before its login and CSRF checks even look at it.
    assertThat(rest.postForEntity("/camunda/api/engine/engine/default/task", jsonBody(attack), String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    String nested = "{\"processDefinitionKey\": \"x\", \"orQueries\": [{\"candidateGroups\": [\"agents\"], \"taskVariables\": [], "
        + "\"followUpBeforeOrNotExistentExpression\": \"${1}\"}]}";
    assertThat(rest.withBasicAuth("alice", "alice").postForEntity("/engine-rest/filter/none/list", jsonBody(nested), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    // The same query without an expression is answered.
    String harmless = "{\"orQueries\": [{\"assignee\": \"alice\"}, {\"candidateGroup\": \"agents\"}]}";
    assertThat(rest.withBasicAuth("alice", "alice").postForEntity("/engine-rest/task", jsonBody(harmless), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void cve2026_77226_theAdminSetupEndpointIsClosed() {
    String user = "{\"profile\": {\"id\": \"mallory\", \"firstName\": \"M\", \"lastName\": \"M\", \"email\": \"m@example.com\"}, "
        + "\"credentials\": {\"password\": \"mallory\"}}";
    ResponseEntity<String> answer = rest.postForEntity("/camunda/api/admin/setup/default/user/create", jsonBody(user), String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
  }

  @Test
  void theSetupEndpointIsClosedWhateverTheAddressLooksLike() {
    String user = "{\"profile\": {\"id\": \"mallory\", \"firstName\": \"M\", \"lastName\": \"M\", \"email\": \"m@example.com\"}, "
        + "\"credentials\": {\"password\": \"mallory\"}}";
    for (String path : List.of("/camunda/api/admin/setup;x=1/default/user/create", "/camunda/api/admin//setup/default/user/create",
        "/camunda/api/admin/setup/default;jsessionid=1/user/create", "/camunda/api/admin/SETUP/default/user/create")) {
      ResponseEntity<String> answer = rest.postForEntity(path, jsonBody(user), String.class);
      assertThat(answer.getStatusCode()).as(path).isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
      if (answer.getStatusCode() == HttpStatus.FORBIDDEN) {
        assertThat(answer.getBody()).as("refused by us, not only by Camunda's own check").contains("the setup endpoint is disabled");
      }
    }
    // Encoded separators and dot segments are what only an attacker writes: refused before anything routes them.
    for (String path : List.of("/camunda/api/admin/setup%2Fdefault/user/create", "/camunda/api/admin/x/%2e%2e/setup/default/user/create",
        "/camunda/api/admin/setup%3Bx=1/default/user/create")) {
      assertThat(rest.postForEntity(java.net.URI.create(rest.getRootUri() + path), jsonBody(user), String.class).getStatusCode())
          .as(path).isEqualTo(HttpStatus.BAD_REQUEST);
    }
    assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
  }

  @Test
  void aJavaSerializedObjectVariableIsRefusedWithASentence_nothingStarts() throws Exception {
    long before = runtime.createProcessInstanceQuery().count();
    String serialized = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5, 0x70});
    String start = "{\"variables\": {\"" + CUSTOMER_SEARCH + "\": {\"value\": \"" + serialized + "\", \"type\": \"Object\", "
        + "\"valueInfo\": {\"serializationDataFormat\": \"application/x-java-serialized-object\", \"objectTypeName\": \"java.util.ArrayList\"}}}}";
    ResponseEntity<String> answer = rest.withBasicAuth("alice", "alice")
        .postForEntity("/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", jsonBody(start), String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(answer.getBody()).get("message").asText()).startsWith("Java-serialized objects are not accepted");
    // The same as a multipart upload of an Object variable.
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    HttpHeaders dataHeaders = new HttpHeaders();
    dataHeaders.setContentType(MediaType.parseMediaType("application/x-java-serialized-object"));
    parts.add("data", new HttpEntity<>(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5, 0x70}, dataHeaders));
    parts.add("type", "java.util.ArrayList");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> upload = rest.withBasicAuth("oscar", "oscar").postForEntity(
        "/engine-rest/process-instance/" + anyInstance() + "/variables/x/data", new HttpEntity<>(parts, headers), String.class);
    assertThat(upload.getStatusCode()).as(upload.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before + 1);
  }

  @Test
  void theBodyCapHoldsForMultipartUploadsToo() {
    String instance = anyInstance();
    ResponseEntity<String> answer = BytesUpload.post(rest, "oscar", "/engine-rest/process-instance/" + instance + "/variables/big/data",
        new byte[2 * 1024 * 1024]);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(runtime.getVariable(instance, "big")).isNull();
  }

  @Test
  void aTasklistSessionCannotCallCockpitsOrAdminsApi_anOperatorsCockpitSessionCan() {
    WebappSession alice = WebappSession.login(rest, "alice", "alice", "tasklist");
    assertThat(alice.loginStatus()).isEqualTo(HttpStatus.OK);
    for (String path : List.of("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
        "/camunda/api/cockpit/plugin/base/default/incident/count", "/camunda/api/admin/plugin/adminPlugins/default/metrics/task-worker")) {
      ResponseEntity<String> answer = alice.call(HttpMethod.GET, path, null);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getBody()).contains("only users who may open");
    }
    // Tasklist's own engine API still works for her.
    assertThat(alice.call(HttpMethod.GET, "/camunda/api/engine/engine/default/task/count", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    WebappSession oscar = WebappSession.login(rest, "oscar", "oscar", "cockpit");
    assertThat(oscar.call(HttpMethod.GET, "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count", null)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  /** A running purchase to attach variables to. */
  private String anyInstance() {
    return Jobs.startAs(identity, runtime, "alice", PROCESS_KEY, java.util.Map.of(CUSTOMER_SEARCH, "Contoso Ltd"));
  }

  @Test
  void oversizedOrMalformedVariablesAreRefused_nothingStarts() {
    long before = runtime.createProcessInstanceQuery().count();
    String huge = "{\"variables\": {\"" + CUSTOMER_SEARCH + "\": {\"value\": \"" + "x".repeat(2_000_000) + "\"}}}";
    ResponseEntity<String> tooBig = rest.withBasicAuth("alice", "alice")
        .postForEntity("/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", jsonBody(huge), String.class);
    assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);

    String wrongType = "{\"variables\": {\"" + CUSTOMER_SEARCH + "\": {\"value\": \"abc\", \"type\": \"Integer\"}}}";
    ResponseEntity<String> malformed = rest.withBasicAuth("alice", "alice")
        .postForEntity("/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", jsonBody(wrongType), String.class);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> notJson = rest.withBasicAuth("alice", "alice")
        .postForEntity("/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", jsonBody("{\"variables\": "), String.class);
    assertThat(notJson.getStatusCode().is4xxClientError()).isTrue();
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  private static HttpEntity<String> jsonBody(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return new HttpEntity<>(body, headers);
  }
}
