package com.reservationdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A node's JVM is killed ({@code kill -9}) while orders are being placed, then started again: every
 * purchase finishes with exactly one order, at Partner Center and in Reservation Desk's records.
 */
@Tag("own-engine")
class CrashTest {

  static final int PURCHASES = 20;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  int port;

  @Test
  void killedWhilePlacingOrders_everyPurchaseEndsWithExactlyOneOrder() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      port = freePort();
      RestAgent alice = new RestAgent(http, port, "alice", "alice", Duration.ofMillis(100), Duration.ZERO, (task, nanos) -> { });
      Process node = startNode(url, "first");
      List<String> purchases = new ArrayList<>();
      for (int i = 0; i < PURCHASES; i++) {
        purchases.add(alice.purchaseUpToBuy(i % 2 == 0 ? "Contoso Ltd" : "Tailspin Toys"));
      }
      // The node is now placing the orders in its job executor: kill it without warning.
      node.destroyForcibly().waitFor();
      JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "postgres", true));
      int placedBeforeCrash = jdbc.queryForObject("select count(*) from placed_order", Integer.class);

      Process restarted = startNode(url, "restarted");
      try {
        for (String purchase : purchases) {
          alice.complete(alice.waitForTask(purchase, "UserTask_ShowConfirmation"), Map.of());
        }
      } finally {
        restarted.destroy();
        restarted.waitFor();
      }
      System.out.printf("CrashTest: %d of %d orders were recorded before the kill%n", placedBeforeCrash, PURCHASES);
      List<Map<String, Object>> orders = jdbc.queryForList(
          "select p.id, p.status, count(o.order_id) as orders from purchase p left join placed_order o on o.purchase_id = p.id "
              + "group by p.id, p.status");
      assertThat(orders).hasSize(PURCHASES).allSatisfy(row -> {
        assertThat(((Number) row.get("orders")).intValue()).as("orders of purchase " + row.get("id")).isOne();
        assertThat(row.get("status")).isEqualTo("ORDERED");
      });
      assertThat(jdbc.queryForObject("select count(*) from pc_order", Integer.class)).as("Partner Center: no duplicate")
          .isEqualTo(PURCHASES);
    }
  }

  private Process startNode(String url, String name) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        // Without empty entries: an empty entry is the working directory, whose processes/ would deploy twice.
        "-cp", String.join(File.pathSeparator, java.util.Arrays.stream(System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path")).split(File.pathSeparator)).filter(entry -> !entry.isBlank()).toList()),
        ReservationDeskApplication.class.getName(),
        "--spring.profiles.active=demo,postgres", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres", "--server.port=" + port, "--reservation-desk.embedded.registration-delay=PT0S",
        "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.wait-time-in-millis=50",
        "--camunda.bpm.job-execution.max-wait=200",
        // A job locked by the killed node is taken again once its lock expires.
        "--camunda.bpm.job-execution.lock-time-in-millis=3000"));
    // The nodes' logs stay in target/ to read after a failure.
    File log = Path.of("target", "crash-test-" + name + ".log").toFile();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("The node stopped (exit " + process.exitValue() + ", class path "
            + System.getProperty("java.class.path").length() + " chars): " + Files.readString(log.toPath()));
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return process;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    process.destroyForcibly();
    throw new AssertionError("The node did not become ready: " + Files.readString(log.toPath()));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
