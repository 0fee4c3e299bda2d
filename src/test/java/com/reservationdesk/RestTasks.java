package com.reservationdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An agent's requests as Tasklist or an integrator sends them: the REST API with the agent's own login (demo passwords). */
public record RestTasks(TestRestTemplate rest) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code POST /engine-rest/task/{id}/complete} with these values, as the agent. */
  public ResponseEntity<String> complete(String user, Task task, Map<String, Object> values) throws JsonProcessingException {
    Map<String, Object> variables = new TreeMap<>();
    values.forEach((name, value) -> variables.put(name, value instanceof TypedValue typed
        ? Map.of("value", typed.value(), "type", typed.type()) : Map.of("value", value)));
    return send(user, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
        JSON.writeValueAsString(Map.of("variables", variables)));
  }

  public ResponseEntity<String> send(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  /** A value with the type Tasklist gives it: a checklist's ticks are {@code Json}. */
  public record TypedValue(Object value, String type) {

    public static TypedValue json(String json) {
      return new TypedValue(json, "Json");
    }
  }

  /** Refused with 400 and a message that contains the sentence. */
  public static void assertRefused(ResponseEntity<String> answer, String sentence) throws JsonProcessingException {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(answer.getBody()).get("message").asText()).contains(sentence);
  }
}
