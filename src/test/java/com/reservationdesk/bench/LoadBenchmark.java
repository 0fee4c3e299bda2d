package com.reservationdesk.bench;

import com.reservationdesk.ReservationDeskApplication;
import com.reservationdesk.RestAgent;
import com.reservationdesk.TestPostgres;
import com.sun.management.OperatingSystemMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load: N simulated agents (threads) buy through the REST API on loopback against one node, as Tasklist
 * would: start, wait for the task, read its variables, complete it. Prints throughput, task-completion
 * latency p50/p95/p99 and errors. Run with {@code bin/benchmark-load [agents] [purchasesPerAgent] [h2|postgres]}.
 * Target: 50 concurrent agents, p95 ≤ 100 ms, no error.
 */
public final class LoadBenchmark {

  private static final List<String> CUSTOMERS = List.of("Contoso Ltd", "Tailspin Toys", "Adventure Works Cycles");

  public static void main(String[] args) throws Exception {
    int agents = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int perAgent = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    String database = args.length > 2 ? args[2] : "h2";
    // An agent reads a form before completing it; without think time 50 threads are a denial of service.
    // 3 s (1.5 to 4.5 s) per form is a fast agent: people take longer to read a list of results and type a
    // quantity. Shorter times are the stress runs of docs/benchmarks.md.
    long thinkMillis = args.length > 3 ? Long.parseLong(args[3]) : 3000;
    Duration think = Duration.ofMillis(thinkMillis);
    EmbeddedPostgres postgres = database.equals("postgres") ? EmbeddedPostgres.builder().start() : null;
    List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--reservation-desk.embedded.registration-delay=PT0S",
        "--server.tomcat.threads.max=100", "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
    if (System.getenv("LOAD_EAGER_JOBS") != null) {
      arguments.addAll(List.of("--camunda.bpm.job-execution.wait-time-in-millis=50", "--camunda.bpm.job-execution.max-wait=200",
          "--camunda.bpm.job-execution.max-pool-size=8"));
    }
    // Extra application arguments for experiments, e.g. LOAD_APP_ARGS="--camunda.bpm.generic-properties.properties.x=y".
    String extra = System.getenv("LOAD_APP_ARGS");
    if (extra != null && !extra.isBlank()) {
      arguments.addAll(List.of(extra.trim().split("\\s+")));
    }
    if (postgres != null) {
      arguments.addAll(TestPostgres.appArguments(postgres));
      arguments.add("--spring.datasource.hikari.maximum-pool-size=30");
    } else {
      Path data = Files.createTempDirectory(Path.of("target"), "load-db-");
      arguments.addAll(List.of("--spring.profiles.active=demo", "--reservation-desk.data-dir=" + data.toAbsolutePath(),
          "--spring.datasource.hikari.maximum-pool-size=30"));
    }
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ReservationDeskApplication.class).run(arguments.toArray(String[]::new));
    try {
      int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
      IdentityService identity = app.getBean(IdentityService.class);
      for (int i = 0; i < agents; i++) {
        String user = "agent" + i;
        if (identity.createUserQuery().userId(user).count() == 0) {
          var created = identity.newUser(user);
          created.setPassword(user);
          identity.saveUser(created);
          identity.createMembership(user, "agents");
        }
      }
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      // Warm-up, not measured: every agent buys LOAD_WARMUP times (default 1) with the same think time, so
      // the measured round runs on compiled code and filled caches, as a server that has been up a while.
      int warmUpPerAgent = Integer.parseInt(System.getenv().getOrDefault("LOAD_WARMUP", "1"));
      if (warmUpPerAgent > 0) {
        long warmUpStart = System.nanoTime();
        AtomicInteger warmUpErrors = new AtomicInteger();
        runAgents(agents, warmUpPerAgent, port, http, think, (task, nanos) -> { }, warmUpErrors);
        System.out.printf(Locale.ROOT, "warm-up: %d purchases in %.1f s, %d errors (not measured)%n", agents * warmUpPerAgent,
            (System.nanoTime() - warmUpStart) / 1e9, warmUpErrors.get());
      }
      boolean sqlStats = postgres == null && System.getenv("LOAD_SQL_STATS") != null;
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
      if (sqlStats) {
        jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 400");
        jdbc.execute("SET QUERY_STATISTICS TRUE");
      }
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      Map<String, List<Long>> byTask = new ConcurrentHashMap<>();
      RestAgent.Completions measured = (task, nanos) -> {
        latencies.add(nanos);
        byTask.computeIfAbsent(task, key -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
      };
      AtomicInteger errors = new AtomicInteger();
      var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuBefore = os.getProcessCpuTime();
      long started = System.nanoTime();
      int purchases = runAgents(agents, perAgent, port, http, think, measured, errors);
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "%nLoad on %s: %d agents \u00d7 %d purchases, %d ms think time per form (\u00b150 %%), through /engine-rest on "
          + "loopback, one node%n", database, agents, perAgent, thinkMillis);
      System.out.printf(Locale.ROOT, "purchases completed %d in %.1f s: %.2f purchases/s, %.1f task completions/s%n", purchases, seconds,
          purchases / seconds, sorted.length / seconds);
      System.out.printf(Locale.ROOT, "task completion latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (target p95 <= 100 ms)%n",
          percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
      System.out.printf(Locale.ROOT, "errors %d (target 0)%n", errors.get());
      System.out.printf(Locale.ROOT, "CPU of the JVM (server and agents): %.1f s of %.1f s available on %d cores (%.0f %%), %.0f ms per purchase%n",
          cpuSeconds, seconds * os.getAvailableProcessors(), os.getAvailableProcessors(),
          100 * cpuSeconds / (seconds * os.getAvailableProcessors()), 1000 * cpuSeconds / Math.max(1, purchases));
      if (sqlStats) {
        System.out.println("statements by total time (H2 QUERY_STATISTICS):");
        jdbc.query("SELECT EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, CUMULATIVE_ROW_COUNT, SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
            + " ORDER BY CUMULATIVE_EXECUTION_TIME DESC LIMIT 40", rs -> {
              System.out.printf(Locale.ROOT, "%7d x %9.1f ms total %7d rows  %s%n", rs.getLong(1), rs.getDouble(2), rs.getLong(3),
                  rs.getString(4).replaceAll("\\s+", " ").substring(0, Math.min(220, rs.getString(4).replaceAll("\\s+", " ").length())));
            });
      }
      byTask.forEach((key, values) -> {
        long[] byKey = values.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "  %-32s p50 %6.1f ms  p95 %6.1f ms%n", key, percentile(byKey, 50), percentile(byKey, 95));
      });
    } finally {
      app.close();
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  /** Runs every agent on its own thread until each has bought {@code perAgent} times; returns the purchases completed. */
  private static int runAgents(int agents, int perAgent, int port, HttpClient shared, Duration think,
      RestAgent.Completions completions, AtomicInteger errors) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(agents);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < agents; i++) {
        // Each agent its own client, as each agent has their own browser: one shared client's selector
        // thread would queue every response behind the others' and add its wait to the measured latency.
        HttpClient own = "shared".equals(System.getenv("LOAD_CLIENT")) ? shared
            : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        RestAgent agent = new RestAgent(own, port, "agent" + i, "agent" + i, Duration.ofMillis(250), think, completions);
        done.add(pool.submit(() -> {
          int purchases = 0;
          for (int p = 0; p < perAgent; p++) {
            try {
              agent.purchase(CUSTOMERS.get(p % CUSTOMERS.size()));
              purchases++;
            } catch (Exception e) {
              errors.incrementAndGet();
              System.out.println("error: " + e.getMessage());
            }
          }
          return purchases;
        }));
      }
      int purchases = 0;
      for (Future<Integer> future : done) {
        purchases += future.get();
      }
      return purchases;
    } finally {
      pool.shutdown();
    }
  }

  private static double percentile(long[] sorted, int percent) {
    return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
  }
}
