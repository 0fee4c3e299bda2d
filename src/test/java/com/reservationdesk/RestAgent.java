package com.reservationdesk;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An agent buying through {@code /engine-rest} with HTTP Basic, as Tasklist does for each form: wait
 * for the task, read its variables, think, complete it. Used by the crash test and the load benchmark.
 */
public final class RestAgent {

  /** Told of every task completion and how long the request took. */
  public interface Completions {
    void completed(String taskKey, long nanos);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String root;
  private final String authorization;
  private final Duration poll;
  private final Duration think;
  private final Completions completions;

  /**
   * @param think time spent on each form before completing it, varied by ± 50 % as people do not click
   *     in step; zero completes at once
   */
  public RestAgent(HttpClient http, int port, String user, String password, Duration poll, Duration think, Completions completions) {
    this.http = http;
    this.root = "http://localhost:" + port;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.poll = poll;
    this.think = think;
    this.completions = completions;
  }

  /** A whole purchase: the customer's first subscription, D2s_v5 in West Europe for 3 years, bought shared. */
  public void purchase(String customer) throws Exception {
    String id = purchaseUpToBuy(customer);
    complete(waitForTask(id, "UserTask_ShowConfirmation"), Map.of());
  }

  /** The purchase up to the agent's *Buy*; the order is then placed by the job executor. */
  public String purchaseUpToBuy(String customer) throws Exception {
    String id = purchaseUpToReview(customer);
    buy(id);
    return id;
  }

  /** The purchase up to its review, with one line in the cart. */
  public String purchaseUpToReview(String customer) throws Exception {
    String id = send("POST", "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start",
        Map.of("variables", Map.of(CUSTOMER_SEARCH, Map.of("value", customer)))).get("id").asText();
    JsonNode task = waitForTask(id, "UserTask_ChooseSubscription");
    complete(task, Map.of(SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, firstOption(task, SUBSCRIPTION_OPTIONS)));
    task = waitForTask(id, "UserTask_ChooseRecommendations", "UserTask_FilterReservations");
    if (task.get("taskDefinitionKey").asText().equals("UserTask_ChooseRecommendations")) {
      complete(task, Map.of(RECOMMENDATION_ACTION, "search"));
    }
    complete(waitForTask(id, "UserTask_FilterReservations"), Map.of(FILTER_ACTION, "search", PRODUCT_TYPE, "vm", REGION, "westeurope",
        SIZE_FILTER, "D2s_v5", TERM, "P3Y", BILLING_PLAN, "upfront"));
    task = waitForTask(id, "UserTask_ChooseReservation");
    complete(task, Map.of(CART_ACTION, "addAndReview", RESERVATION, firstOption(task, RESERVATION_RESULTS), QUANTITY, 1));
    waitForTask(id, "UserTask_ReviewOrder");
    return id;
  }

  /** The agent's *Buy* at the review. */
  public void buy(String instanceId) throws Exception {
    complete(waitForTask(instanceId, "UserTask_ReviewOrder"), Map.of(REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383"));
  }

  /** Starts a process as this agent with these start form values ({@code /engine-rest}); its instance id. */
  public String start(String processKey, Map<String, Object> values) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return send("POST", "/engine-rest/process-definition/key/" + processKey + "/start", Map.of("variables", variables)).get("id").asText();
  }

  /** A page of the app's JSON API, as this agent. */
  public JsonNode get(String path) throws Exception {
    return send("GET", path, null);
  }

  /** The orders Reservation Desk has recorded ({@code /api/orders}), newest first, 500 at most. */
  public JsonNode orders() throws Exception {
    return send("GET", "/api/orders?limit=500", null);
  }

  /** The open tasks of a purchase. */
  public JsonNode tasks(String instanceId) throws Exception {
    return send("GET", "/engine-rest/task?processInstanceId=" + instanceId, null);
  }

  /** The purchase's open task once it is one of these, polling as Tasklist does. */
  public JsonNode waitForTask(String instanceId, String... keys) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode tasks = send("GET", "/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKeyIn=" + String.join(",", keys),
          null);
      if (tasks.size() > 0) {
        return tasks.get(0);
      }
      Thread.sleep(poll.toMillis());
    }
    throw new IllegalStateException("Purchase " + instanceId + " never reached " + String.join(" or ", keys));
  }

  public void complete(JsonNode task, Map<String, Object> values) throws Exception {
    if (!think.isZero()) {
      Thread.sleep((long) (think.toMillis() * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    long start = System.nanoTime();
    send("POST", "/engine-rest/task/" + task.get("id").asText() + "/complete", Map.of("variables", variables));
    completions.completed(task.get("taskDefinitionKey").asText(), System.nanoTime() - start);
  }

  /** The value of the first option of a JSON option list the form shows, as Tasklist reads it. */
  private String firstOption(JsonNode task, String variable) throws Exception {
    JsonNode variables = send("GET", "/engine-rest/task/" + task.get("id").asText() + "/variables?deserializeValues=false", null);
    return JSON.readTree(variables.get(variable).get("value").asText()).get(0).get("value").asText();
  }

  private JsonNode send(String method, String path, Object body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).header("Authorization", authorization)
        .header("Accept", "application/json").timeout(Duration.ofSeconds(30));
    request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}
