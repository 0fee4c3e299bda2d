package com.reservationdesk.process.refund;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.AppTest;
import com.reservationdesk.reservation.ReservationSweep;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reservations page's buttons: a logged-in agent starts a scope change (or a return, an exchange) of a row's
 * reservation and lands in Tasklist at its first task; a post without the page's CSRF token is refused; an approver who
 * is no agent, and a reservation that expired, come back to the page with a sentence. (Woodgrove's and Lucerne's demo
 * reservations: Proseware's is the browser test's.)
 */
@AppTest
class StartFromThePageTest {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReservationSweep sweep;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void anAgentStartsAScopeChangeFromTheRow_andLandsAtItsTask() throws Exception {
    String woodgrove = customer("Woodgrove%");
    sweep.syncCustomer(woodgrove);
    String reservation = jdbc.queryForObject("select reservation_id from owned_reservation where customer_id = ?", String.class, woodgrove);
    Browser alice = new Browser("alice");
    String page = alice.get("/reservations?customerId=" + woodgrove);
    assertThat(page).contains("Change scope", "Return\u2026", "Exchange\u2026");

    assertThat(alice.post("/reservations/" + reservation + "/scope?customerId=" + woodgrove, null).statusCode())
        .as("without the page's token").isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ReservationScopeProcess").count()).isZero();

    HttpResponse<String> started = alice.post("/reservations/" + reservation + "/scope?customerId=" + woodgrove, token(page));
    assertThat(started.statusCode()).isEqualTo(302);
    ProcessInstance scope = runtime.createProcessInstanceQuery().processDefinitionKey("ReservationScopeProcess").singleResult();
    Task task = tasks.createTaskQuery().processInstanceId(scope.getId()).singleResult();
    assertThat(task.getAssignee()).isEqualTo("alice");
    assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/camunda/app/tasklist/default/#/?task=" + task.getId());
    runtime.deleteProcessInstance(scope.getId(), "test done");
  }

  @Test
  void anApproverWhoIsNoAgent_andAnExpiredReservation_comeBackWithASentence() throws Exception {
    String lucerne = customer("Lucerne%");
    sweep.syncCustomer(lucerne);
    String expired = jdbc.queryForObject("select reservation_id from owned_reservation where customer_id = ?", String.class, lucerne);

    String woodgrove = customer("Woodgrove%");
    sweep.syncCustomer(woodgrove);
    Browser carol = new Browser("carol");
    assertThat(carol.get("/reservations?customerId=" + lucerne)).as("no buttons under an expired reservation")
        .doesNotContain("Return\u2026");
    String page = carol.get("/reservations?customerId=" + woodgrove);
    HttpResponse<String> refused = carol.post("/reservations/" + expired + "/return?customerId=" + lucerne, token(page));
    assertThat(notice(refused)).isEqualTo("Only agents change, return or exchange reservations.");

    // An expired reservation posted anyway (an old page, a hand-made request): the return's own check says why not.
    Browser alice = new Browser("alice");
    page = alice.get("/reservations?customerId=" + woodgrove);
    HttpResponse<String> tooLate = alice.post("/reservations/" + expired + "/return?customerId=" + lucerne, token(page));
    assertThat(notice(tooLate)).contains("expired on");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ReservationReturnProcess").active().list())
        .noneMatch(p -> "alice".equals(runtime.getVariable(p.getId(), "startedBy")) && expired.equals(runtime.getVariable(p.getId(),
            "reservationId")));
    assertThat(alice.get(tooLate.headers().firstValue("Location").orElseThrow())).contains("class=\"notice\"", "expired on");
  }

  @Test
  void aSingleScopeIsNamedByItsSubscriptionOnTheCustomersPage() throws Exception {
    String lucerne = customer("Lucerne%");
    String page = new Browser("alice").get("/reservations?customerId=" + lucerne);
    assertThat(page).contains("single: Lucerne Bank Production (");
  }

  private String customer(String like) {
    // The demo customer that owns a demo reservation (several demo customers share a name's start).
    return jdbc.queryForObject("""
        select distinct c.id from pc_customer c join pc_reservation r on r.customer_id = c.id where c.company_name like ?""",
        String.class, like);
  }

  private static String token(String page) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("the page's forms carry a CSRF token").isTrue();
    return m.group(1);
  }

  private static String notice(HttpResponse<String> redirect) {
    assertThat(redirect.statusCode()).isEqualTo(302);
    String location = redirect.headers().firstValue("Location").orElseThrow();
    return URLDecoder.decode(location.substring(location.indexOf("notice=") + "notice=".length()), StandardCharsets.UTF_8);
  }

  /** A user's browser: HTTP Basic, and the cookies the page sets (the CSRF token's). */
  final class Browser {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    final String authorization;

    Browser(String user) {
      authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    String get(String path) throws Exception {
      String url = path.startsWith("http") ? path : "http://localhost:" + port + path;
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      return answer.body();
    }

    HttpResponse<String> post(String path, String csrf) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", authorization)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(csrf == null ? "" : "_csrf=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
