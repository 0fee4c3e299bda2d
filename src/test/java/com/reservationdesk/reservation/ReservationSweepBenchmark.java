package com.reservationdesk.reservation;

import com.reservationdesk.ReservationDeskApplication;
import com.reservationdesk.process.reservation.ReservationVariables;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The watches at a partner's scale (issue 17): 5,000 customers with 20 reservations each (100,000) bulk-seeded into the
 * embedded Partner Center of the app on its default H2 file database; then the nightly sweep (every reservation refreshed
 * with 30 days of utilization, renewal notices raised), a second nightly sweep (nothing new may be raised), the weekly
 * under-use sweep, each run job by job as the job executor would; then the partner-wide reservations page over HTTP.
 * Prints times, the peak heap, the tasks started against those due, and page latency p50/p95; asserts nothing. Run with
 * {@code bin/benchmark-reservations [customers] [reservations each]}.
 *
 * <p>Targets (2-core machine): each sweep ≤ 5 minutes with bounded memory, no more tasks than due; page p95 ≤ 200 ms.
 */
public final class ReservationSweepBenchmark {

  private static final int PAGE_REQUESTS = 200;

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int perCustomer = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path dataDir = Files.createTempDirectory(Path.of("target"), "benchmark-reservations-");
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ReservationDeskApplication.class).profiles("demo")
        .run("--reservation-desk.data-dir=" + dataDir.toAbsolutePath(), "--camunda.bpm.job-execution.enabled=false", "--server.port=0",
            "--logging.level.root=WARN", "--logging.level.com.reservationdesk=WARN", "--spring.main.banner-mode=off");
    try {
      System.out.printf(Locale.ROOT, "JVM %s, %d CPUs, max heap %d MB%n", System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
      ReservationBulkSeed.Seeded seeded = ReservationBulkSeed.seed(app.getBean(DataSource.class), customers, perCustomer, 17,
          app.getBean(Clock.class));
      System.out.printf(Locale.ROOT, "Seeded %,d customers × %d = %,d reservations in %.1f s%n", customers, perCustomer,
          seeded.reservations(), seeded.took().toMillis() / 1000.0);
      RuntimeService runtime = app.getBean(RuntimeService.class);
      ManagementService management = app.getBean(ManagementService.class);
      TaskService tasks = app.getBean(TaskService.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

      sweep("Nightly sweep", ReservationVariables.SWEEP_KEY, runtime, management);
      long renewals = tasks.createTaskQuery().taskDefinitionKey("UserTask_DecideRenewal").count();
      long due = jdbc.queryForObject("""
          select count(*) from owned_reservation where upper(provisioning_state) = 'SUCCEEDED' and renew = false
            and expiry_date >= current_date and ((term_duration = 'P3Y' and expiry_date <= dateadd(day, 60, current_date))
            or expiry_date <= dateadd(day, 30, current_date))""", Long.class);
      System.out.printf(Locale.ROOT, "  renewal tasks started: %,d; reservations due a notice (ReservationWatchRules as shipped): %,d%n",
          renewals, due);
      sweep("Nightly sweep again", ReservationVariables.SWEEP_KEY, runtime, management);
      System.out.printf(Locale.ROOT, "  renewal tasks after it: %,d (nothing raised twice)%n",
          tasks.createTaskQuery().taskDefinitionKey("UserTask_DecideRenewal").count());
      sweep("Weekly under-use sweep", ReservationVariables.UNDER_USE_SWEEP_KEY, runtime, management);
      long underUsed = jdbc.queryForObject("""
          select count(*) from owned_reservation where upper(provisioning_state) = 'SUCCEEDED' and utilization_7d < 80
            and purchase_date <= dateadd(day, -7, current_date)""", Long.class);
      System.out.printf(Locale.ROOT, "  under-use tasks started: %,d; reservations under 80 %% over 7 days: %,d%n",
          tasks.createTaskQuery().taskDefinitionKey("UserTask_DecideUnderUse").count(), underUsed);

      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      HttpClient http = HttpClient.newHttpClient();
      List<String> queries = List.of("/api/reservations", "/api/reservations?expiringWithinDays=30",
          "/api/reservations?utilizationBelow=80&sort=utilization", "/api/reservations?sort=customer&page=20",
          "/api/reservations?customerId=" + seeded.customerIds().get(7), "/reservations?expiringWithinDays=60");
      for (int i = 0; i < 30; i++) {
        get(http, port, queries.get(i % queries.size()));
      }
      long[] nanos = new long[PAGE_REQUESTS];
      long[][] byKind = new long[queries.size()][PAGE_REQUESTS / queries.size() + 1];
      int[] filled = new int[queries.size()];
      for (int i = 0; i < PAGE_REQUESTS; i++) {
        long start = System.nanoTime();
        get(http, port, queries.get(i % queries.size()));
        nanos[i] = System.nanoTime() - start;
        byKind[i % queries.size()][filled[i % queries.size()]++] = nanos[i];
      }
      System.out.printf(Locale.ROOT, "Reservations page over HTTP (%d requests, %d kinds, %,d reservations): %s (target p95 <= 200 ms)%n",
          PAGE_REQUESTS, queries.size(), seeded.reservations(), percentiles(nanos, PAGE_REQUESTS));
      for (int k = 0; k < queries.size(); k++) {
        System.out.printf(Locale.ROOT, "  %-60s %s%n", queries.get(k).replace(seeded.customerIds().get(7), "{customer}"),
            percentiles(byKind[k], filled[k]));
      }
    } finally {
      app.close();
    }
  }

  /** Runs one sweep to its end, job by job as the job executor would, and prints its time and the peak heap. */
  private static void sweep(String name, String key, RuntimeService runtime, ManagementService management) {
    resetPeaks();
    long start = System.nanoTime();
    String id = runtime.startProcessInstanceByKey(key).getId();
    int jobs = 0;
    while (true) {
      List<Job> due = management.createJobQuery().processInstanceId(id).executable().list();
      if (due.isEmpty()) {
        break;
      }
      management.executeJob(due.get(0).getId());
      jobs++;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = peakHeap();
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "%s: %d jobs in %.1f s (target <= 300 s), peak heap %d MB, heap after it and a GC %d MB%n", name,
        jobs, seconds, peak >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
  }

  private static String percentiles(long[] nanos, int count) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms", sorted[count / 2] / 1e6,
        sorted[(int) Math.ceil(count * 0.95) - 1] / 1e6, sorted[count - 1] / 1e6);
  }

  private static void get(HttpClient http, int port, String path) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
    }
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  private ReservationSweepBenchmark() {}
}
