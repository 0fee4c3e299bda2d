package com.reservationdesk;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.order.OrderService;
import com.reservationdesk.order.PlacedOrder;
import com.reservationdesk.process.reservation.ReservationVariables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After the purchase, on the demo data, with a clock the test moves: the nightly sweep raises the renewal notice due
 * for a demo reservation; the weekly sweep raises one under-use task for Proseware's under-used reservation (once, not
 * again while it is open or after its decision this week); a scope change is applied and recorded; a reservation
 * bought through the purchase process is on its customer's page with its expiry, and with the clock moved to seven
 * weeks before that expiry, its renewal task goes to the agent who bought it, and renewing places a second order
 * through the purchase process.
 */
@Tag("own-engine")
class ReservationWatchTest {

  static final MovableClock CLOCK = new MovableClock(Instant.now());

  @TempDir Path dataDir;

  @Test
  void renewalAndUnderUseTasksAreRaisedOnce_scopeChangesAreRecorded_andRenewingBuysAgain() throws Exception {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReservationDeskApplication.class, ClockConfiguration.class)
        .run("--server.port=0", "--reservation-desk.data-dir=" + dataDir, "--reservation-desk.embedded.registration-delay=PT0S",
            "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.process-engine-name=reservation-watch-test")) {
      RuntimeService runtime = app.getBean(RuntimeService.class);
      TaskService tasks = app.getBean(TaskService.class);
      ManagementService management = app.getBean(ManagementService.class);
      IdentityService identity = app.getBean(IdentityService.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

      // The nightly sweep: every demo reservation recorded; Trey's, expiring next month, gets its first notice, for every agent
      // (Reservation Desk did not place its order).
      sweep(runtime, management, ReservationVariables.SWEEP_KEY);
      assertThat(jdbc.queryForObject("select count(*) from owned_reservation", Integer.class)).isGreaterThanOrEqualTo(4);
      String trey = reservationOf(jdbc, "Trey Energy");
      Task treyRenewal = taskOf(tasks, runtime, "UserTask_DecideRenewal", trey);
      assertThat(treyRenewal.getAssignee()).isNull();
      assertThat(tasks.getIdentityLinksForTask(treyRenewal.getId())).anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("agents"));
      sweep(runtime, management, ReservationVariables.SWEEP_KEY);
      assertThat(tasksOf(tasks, runtime, "UserTask_DecideRenewal", trey)).as("the same notice is not raised twice").isOne();

      // The weekly sweep: Proseware's reservation, a quarter used, gets one under-use task; not a second while it is open,
      // nor after its decision in the same week.
      sweep(runtime, management, ReservationVariables.UNDER_USE_SWEEP_KEY);
      String proseware = reservationOf(jdbc, "Proseware Health");
      Task underUse = taskOf(tasks, runtime, "UserTask_DecideUnderUse", proseware);
      assertThat(jdbc.queryForObject("select utilization_7d from owned_reservation where reservation_id = ?", Double.class, proseware))
          .isBetween(15.0, 40.0);
      sweep(runtime, management, ReservationVariables.UNDER_USE_SWEEP_KEY);
      assertThat(tasksOf(tasks, runtime, "UserTask_DecideUnderUse", proseware)).as("not a second task while one is open").isOne();
      Jobs.completeAsAssignee(identity, tasks, claim(tasks, underUse, "bob"), Map.of(ReservationVariables.UNDER_USE_ACTION, "keep",
          ReservationVariables.UNDER_USE_REASON, "The customer moves two workloads back next month"));
      sweep(runtime, management, ReservationVariables.UNDER_USE_SWEEP_KEY);
      assertThat(tasksOf(tasks, runtime, "UserTask_DecideUnderUse", proseware)).as("not again in the week it was decided").isZero();
      assertThat(jdbc.queryForMap("select status, decided_by, reason from reservation_watch where reservation_id = ? and kind = 'UNDER_USE'",
          proseware)).containsEntry("STATUS", "KEPT").containsEntry("DECIDED_BY", "bob")
          .containsEntry("REASON", "The customer moves two workloads back next month");

      // A scope change, started by an agent with the reservation's id: Woodgrove's shared reservation to one subscription.
      String woodgrove = reservationOf(jdbc, "Woodgrove Consulting");
      String scopeProcess = Jobs.startAs(identity, runtime, "alice", ReservationVariables.SCOPE_KEY,
          Map.of(ReservationVariables.RESERVATION_ID, woodgrove));
      Task changeScope = tasks.createTaskQuery().processInstanceId(scopeProcess).singleResult();
      String subscription = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
          runtime.getVariable(scopeProcess, ReservationVariables.SCOPE_SUBSCRIPTION_OPTIONS).toString()).get(0).get("value").asText();
      Jobs.completeAsAssignee(identity, tasks, changeScope, Map.of(ReservationVariables.SCOPE_ACTION, "apply",
          ReservationVariables.NEW_SCOPE, "single", ReservationVariables.SCOPE_SUBSCRIPTION, subscription));
      assertThat(jdbc.queryForMap("select scope_type, scope_subscription from owned_reservation where reservation_id = ?", woodgrove))
          .containsEntry("SCOPE_TYPE", "SINGLE").containsEntry("SCOPE_SUBSCRIPTION", subscription);
      assertThat(jdbc.queryForMap("select from_scope, to_scope, changed_by from reservation_scope_change where reservation_id = ?",
          woodgrove)).containsEntry("FROM_SCOPE", "shared").containsEntry("TO_SCOPE", "single: " + subscription)
          .containsEntry("CHANGED_BY", "alice");

      // Bought through the purchase process: on the customer's reservations page, with its expiry.
      PurchaseDriver purchase = PurchaseDriver.start(app, "alice", "Tailspin Toys");
      purchase.upToBuy();
      purchase.runJobs();
      purchase.complete(purchase.task("UserTask_ShowConfirmation"));
      String customerId = jdbc.queryForObject("select customer_id from purchase where process_instance_id = ?", String.class,
          purchase.instanceId());
      String page = get(port, "/reservations?customerId=" + customerId);
      java.time.LocalDate expiry = java.time.LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC).plusYears(3);
      assertThat(page).contains("Standard_D2s_v5").contains(expiry.toString()).contains("by alice");
      String bought = jdbc.queryForObject("select reservation_id from owned_reservation where customer_id = ? and bought_by = 'alice'",
          String.class, customerId);

      // Seven weeks before it expires, the nightly sweep gives its buyer the renewal task; renewing opens a purchase that is
      // bought like any other.
      CLOCK.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(
          java.time.LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC), expiry) - 49));
      sweep(runtime, management, ReservationVariables.SWEEP_KEY);
      Task renewal = taskOf(tasks, runtime, "UserTask_DecideRenewal", bought);
      assertThat(renewal.getAssignee()).isEqualTo("alice");
      Jobs.completeAsAssignee(identity, tasks, renewal, Map.of(ReservationVariables.RENEWAL_ACTION, "renew"));
      ProcessInstance renewalPurchase = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).active().list().stream()
          .filter(p -> !p.getId().equals(purchase.instanceId())).findFirst().orElseThrow();
      PurchaseDriver second = new PurchaseDriver(runtime, tasks, identity, management, renewalPurchase.getId());
      Task review = second.task("UserTask_ReviewOrder");
      assertThat(review.getAssignee()).isEqualTo("alice");
      assertThat((String) second.variable(REVIEW_NOTE)).startsWith("Renewal of 1 \u00d7 Standard_D2s_v5 in westeurope, 3 years");
      second.complete(review, REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383");
      second.runJobs();
      second.complete(second.task("UserTask_ShowConfirmation"));
      List<PlacedOrder> orders = app.getBean(OrderService.class).ordersOfCustomer(customerId, 10);
      assertThat(orders).hasSize(2).allSatisfy(o -> assertThat(o.lines()).singleElement()
          .satisfies(l -> assertThat(l.armSkuName() + " " + l.quantity() + " " + l.termDuration()).isEqualTo("Standard_D2s_v5 1 P3Y")));
      assertThat(jdbc.queryForMap("select status, decided_by, purchase_id from reservation_watch where reservation_id = ? and kind = 'RENEWAL'",
          bought)).containsEntry("STATUS", "RENEWED").containsEntry("DECIDED_BY", "alice")
          .containsEntry("PURCHASE_ID", jdbc.queryForObject("select id from purchase where process_instance_id = ?", String.class,
              renewalPurchase.getId()));
    }
  }

  /** Runs a sweep as its timer would, to its end. */
  private static void sweep(RuntimeService runtime, ManagementService management, String key) {
    String id = runtime.startProcessInstanceByKey(key).getId();
    for (int i = 0; i < 1_000 && runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0; i++) {
      Jobs.runDue(management, id);
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).as("the sweep ended").isZero();
  }

  private static String reservationOf(JdbcTemplate jdbc, String customerName) {
    return jdbc.queryForObject("select reservation_id from owned_reservation where customer_name = ?", String.class, customerName);
  }

  private static Task taskOf(TaskService tasks, RuntimeService runtime, String key, String reservationId) {
    return tasks.createTaskQuery().taskDefinitionKey(key).list().stream()
        .filter(t -> reservationId.equals(runtime.getVariable(t.getProcessInstanceId(), ReservationVariables.RESERVATION_ID)))
        .findFirst().orElseThrow(() -> new AssertionError("no " + key + " for reservation " + reservationId));
  }

  private static long tasksOf(TaskService tasks, RuntimeService runtime, String key, String reservationId) {
    return tasks.createTaskQuery().taskDefinitionKey(key).list().stream()
        .filter(t -> reservationId.equals(runtime.getVariable(t.getProcessInstanceId(), ReservationVariables.RESERVATION_ID))).count();
  }

  private static Task claim(TaskService tasks, Task task, String agent) {
    tasks.claim(task.getId(), agent);
    return tasks.createTaskQuery().taskId(task.getId()).singleResult();
  }

  private static String get(int port, String path) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  /** The app's clock, which the test moves. */
  @Configuration
  static class ClockConfiguration {
    @Bean
    @Primary
    Clock movableClock() {
      return CLOCK;
    }
  }

  /** A clock that stands still until moved. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
