package com.reservationdesk.bench;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.Jobs;
import com.reservationdesk.ReservationDeskApplication;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a purchase costs beyond the bare engine. In one process, on the default H2 file database, it
 * runs alternately N full purchases (real model, delegates, embedded Partner Center) and N purchases of
 * a floor model: the same BPMN (same tasks, async steps, gateways, timers, decision) whose delegates do
 * nothing, the variables the gateways read given by the driver. Prints, for each, wall time per
 * purchase p50/p95, purchases per second, JDBC statements and commits per purchase, history rows and
 * variable bytes per purchase, and the ratios. Run with {@code bin/benchmark-purchase [N]}.
 */
public final class PurchaseCostBenchmark {

  static final String FLOOR_KEY = "FloorPurchaseProcess";
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    int purchases = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int warmUp = Math.max(5, purchases / 5);
    Path dataDir = Files.createTempDirectory(Path.of("target"), "benchmark-db-");
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ReservationDeskApplication.class, Counting.class)
        .profiles("demo")
        .run("--reservation-desk.data-dir=" + dataDir.toAbsolutePath(), "--camunda.bpm.job-execution.enabled=false", "--server.port=0",
            "--reservation-desk.embedded.registration-delay=PT0S", "--logging.level.root=WARN",
            "--logging.level.com.reservationdesk=WARN", "--spring.main.banner-mode=off");
    try {
      Driver driver = new Driver(app);
      driver.deployFloor();
      for (int i = 0; i < warmUp; i++) {
        driver.ours();
        driver.floor();
      }
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      History oursBefore = History.of(jdbc, PROCESS_KEY);
      History floorBefore = History.of(jdbc, FLOOR_KEY);
      Sample ours = new Sample();
      Sample floor = new Sample();
      for (int i = 0; i < purchases; i++) {
        ours.add(driver::ours);
        floor.add(driver::floor);
      }
      if (System.getenv("BENCH_TRACE") != null) {
        JdbcCounter.reset();
        JdbcCounter.tracing = true;
        if (System.getenv("BENCH_TRACE").equals("floor")) {
          driver.floor();
        } else {
          driver.ours();
        }
        JdbcCounter.tracing = false;
        JdbcCounter.TRACE.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(400)
            .forEach(e -> System.out.printf(Locale.ROOT, "%4d  %s%n", e.getValue(), e.getKey().length() > 150 ? e.getKey().substring(0, 150) : e.getKey()));
      }
      History oursHistory = History.of(jdbc, PROCESS_KEY).minus(oursBefore);
      History floorHistory = History.of(jdbc, FLOOR_KEY).minus(floorBefore);

      System.out.printf(Locale.ROOT, "%nPurchase cost: %d purchases of each, alternating, after %d warm-up each; H2 file database, history %s%n",
          purchases, warmUp, app.getEnvironment().getProperty("camunda.bpm.history-level"));
      System.out.printf(Locale.ROOT, "JVM %s, %d CPUs%n%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "%-34s %12s %12s %8s%n", "per purchase", "ours", "floor", "ratio");
      row("wall time p50 (ms)", ours.percentile(50), floor.percentile(50));
      row("wall time p95 (ms)", ours.percentile(95), floor.percentile(95));
      // CPU of every thread of the process (H2's background writer included): less disturbed than wall
      // time when others share the machine.
      row("process CPU (ms)", ours.mean(s -> s.cpuNanos) / 1e6, floor.mean(s -> s.cpuNanos) / 1e6);
      row("purchases per second", ours.perSecond(), floor.perSecond());
      row("JDBC statements", ours.mean(s -> s.statements), floor.mean(s -> s.statements));
      row("  of which SELECT", ours.mean(s -> s.selects), floor.mean(s -> s.selects));
      row("  on the embedded Partner Center", ours.mean(s -> s.partnerCenter), floor.mean(s -> s.partnerCenter));
      row("JDBC statements, Partner Center remote", ours.mean(s -> s.statements - s.partnerCenter),
          floor.mean(s -> s.statements - s.partnerCenter));
      row("JDBC round trips", ours.mean(s -> s.roundTrips), floor.mean(s -> s.roundTrips));
      row("commits", ours.mean(s -> s.commits), floor.mean(s -> s.commits));
      row("history rows", oursHistory.rows / (double) purchases, floorHistory.rows / (double) purchases);
      row("variable bytes (runtime + history)", oursHistory.variableBytes / (double) purchases,
          floorHistory.variableBytes / (double) purchases);
      System.out.println();
      oursHistory.byTable.forEach((table, rows) -> System.out.printf(Locale.ROOT, "  %-22s ours %8.1f  floor %8.1f rows/purchase%n",
          table, rows / (double) purchases, floorHistory.byTable.getOrDefault(table, 0L) / (double) purchases));
      System.out.printf(Locale.ROOT, "%nTargets: statements <= 1.25 x floor (now %.2f; %.2f with Partner Center remote, as in live "
              + "mode), purchases/s >= 0.8 x floor (now %.2f)%n",
          ours.mean(s -> s.statements) / floor.mean(s -> s.statements),
          ours.mean(s -> s.statements - s.partnerCenter) / floor.mean(s -> s.statements), ours.perSecond() / floor.perSecond());
    } finally {
      app.close();
    }
  }

  private static void row(String name, double ours, double floor) {
    System.out.printf(Locale.ROOT, "%-34s %12.2f %12.2f %8.2f%n", name, ours, floor, ours / floor);
  }

  /**
   * Wraps the DataSource to count statements, and gives the floor model its do-nothing delegate. Not a
   * {@code @Configuration}: the application's component scan would then add it to every app started with
   * the test classes on the classpath (the load benchmark, the tests); it is passed as a source instead.
   */
  static class Counting {
    @Bean
    static JdbcCounter jdbcCounter() {
      return new JdbcCounter();
    }

    /**
     * The floor's service tasks do nothing but decide what ours decide, as ours do (transient where ours are):
     * the driver sends only what the forms declare, for both kinds.
     */
    @Bean("floorNoop")
    JavaDelegate floorNoop() {
      return execution -> {
        switch (execution.getCurrentActivityId()) {
          case "ServiceTask_FindCustomers" -> execution.setVariable(CUSTOMER_MATCH_COUNT, 1);
          case "ServiceTask_LoadPurchaseOptions" -> execution.setVariable(ACTIVE_SUBSCRIPTION_COUNT,
              org.camunda.bpm.engine.variable.Variables.integerValue(1, true));
          case "ServiceTask_ConfirmSubscriptionChoice" -> execution.setVariable(SUBSCRIPTION_DECISION, transientValue("CHOSEN"));
          case "ServiceTask_RecommendPurchases" -> execution.setVariable(RECOMMENDATION_COUNT, 1);
          case "ServiceTask_AddRecommendations" -> execution.setVariable(RECOMMENDATION_DECISION, transientValue("SEARCH"));
          case "ServiceTask_CheckCatalogFilter" -> execution.setVariable(FILTER_DECISION, transientValue("SEARCH"));
          case "ServiceTask_UpdateCart" -> execution.setVariable(CART_DECISION, transientValue("REVIEW"));
          case "ServiceTask_ApplyReviewDecision" -> {
            execution.setVariable(REVIEW_DECISION, transientValue("BUY"));
            execution.setVariable(ORDER_CURRENCY, transientValue("USD"));
            execution.setVariable(ORDER_TOTAL_AMOUNT, org.camunda.bpm.engine.variable.Variables.doubleValue(2420.0, true));
            execution.setVariable(ORDER_QUANTITY, org.camunda.bpm.engine.variable.Variables.longValue(2L, true));
          }
          case "ServiceTask_RegisterSubscription" -> execution.setVariable(REGISTRATION_STATUS, "registered");
          case "ServiceTask_PlaceOrder" -> execution.setVariable(ORDER_OUTCOME, transientValue("placed"));
          default -> { }
        }
      };
    }

    private static Object transientValue(String value) {
      return org.camunda.bpm.engine.variable.Variables.stringValue(value, true);
    }
  }

  /** One purchase's figures. */
  record Measure(long nanos, long cpuNanos, long statements, long selects, long roundTrips, long commits, long partnerCenter) {}

  static final class Sample {
    final List<Measure> measures = new ArrayList<>();

    void add(ThrowingRunnable purchase) throws Exception {
      JdbcCounter.reset();
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      purchase.run();
      measures.add(new Measure(System.nanoTime() - start, processCpuNanos() - cpuStart, JdbcCounter.STATEMENTS.get(), JdbcCounter.SELECTS.get(),
          JdbcCounter.ROUND_TRIPS.get(), JdbcCounter.COMMITS.get(), JdbcCounter.PARTNER_CENTER.get()));
    }

    double percentile(int percent) {
      long[] sorted = measures.stream().mapToLong(Measure::nanos).sorted().toArray();
      return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
    }

    double perSecond() {
      return measures.size() / (measures.stream().mapToLong(Measure::nanos).sum() / 1e9);
    }

    double mean(java.util.function.ToLongFunction<Measure> field) {
      return measures.stream().mapToLong(field).average().orElse(0);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** Rows the engine wrote to its history tables for one process definition, and variable bytes. */
  record History(long rows, long variableBytes, Map<String, Long> byTable) {
    static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
        "ACT_HI_JOB_LOG", "ACT_HI_IDENTITYLINK", "ACT_HI_DECINST", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT");

    static History of(JdbcTemplate jdbc, String key) {
      Map<String, Long> byTable = new java.util.LinkedHashMap<>();
      long rows = 0;
      for (String table : TABLES) {
        String keyColumn = table.equals("ACT_HI_JOB_LOG") ? "PROCESS_DEF_KEY_" : "PROC_DEF_KEY_";
        Long count = jdbc.queryForObject("select count(*) from " + table + " where " + keyColumn + " = ?", Long.class, key);
        byTable.put(table, count);
        rows += count;
      }
      Long bytes = jdbc.queryForObject("""
          select coalesce(sum(coalesce(length(v.TEXT_), 0) + coalesce(length(v.TEXT2_), 0) + coalesce(length(b.BYTES_), 0)), 0)
          from ACT_HI_VARINST v left join ACT_GE_BYTEARRAY b on b.ID_ = v.BYTEARRAY_ID_ where v.PROC_DEF_KEY_ = ?""", Long.class, key);
      Long detailBytes = jdbc.queryForObject("""
          select coalesce(sum(coalesce(length(d.TEXT_), 0) + coalesce(length(d.TEXT2_), 0) + coalesce(length(b.BYTES_), 0)), 0)
          from ACT_HI_DETAIL d left join ACT_GE_BYTEARRAY b on b.ID_ = d.BYTEARRAY_ID_ where d.PROC_DEF_KEY_ = ?""", Long.class, key);
      return new History(rows, bytes + detailBytes, byTable);
    }

    History minus(History before) {
      Map<String, Long> tables = new java.util.LinkedHashMap<>();
      byTable.forEach((t, n) -> tables.put(t, n - before.byTable.getOrDefault(t, 0L)));
      return new History(rows - before.rows, variableBytes - before.variableBytes, tables);
    }
  }

  /** Drives purchases through the engine's API, as the forms would. */
  static final class Driver {
    final RuntimeService runtime;
    final TaskService tasks;
    final ManagementService management;
    final IdentityService identity;
    final RepositoryService repository;
    final org.camunda.bpm.engine.FormService forms;
    final Map<String, String> definitionIds = new HashMap<>();

    final ConfigurableApplicationContext app;

    Driver(ConfigurableApplicationContext app) {
      this.app = app;
      runtime = app.getBean(RuntimeService.class);
      tasks = app.getBean(TaskService.class);
      management = app.getBean(ManagementService.class);
      identity = app.getBean(IdentityService.class);
      repository = app.getBean(RepositoryService.class);
      forms = app.getBean(org.camunda.bpm.engine.FormService.class);
    }

    /** The real model with every service task's delegate replaced by one that does nothing. */
    void deployFloor() throws Exception {
      BpmnModelInstance model;
      try (InputStream in = PurchaseCostBenchmark.class.getResourceAsStream("/processes/ReservationPurchaseProcess.bpmn")) {
        model = Bpmn.readModelFromStream(in);
      }
      Process process = model.getModelElementsByType(Process.class).iterator().next();
      process.setId(FLOOR_KEY);
      process.setName("Floor purchase (benchmark)");
      // Our listeners (the purchase's record, the approval view) are ours, not the engine's.
      for (var listener : List.copyOf(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class))) {
        listener.getParentElement().removeChildElement(listener);
      }
      for (var listener : List.copyOf(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class))) {
        listener.getParentElement().removeChildElement(listener);
      }
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        task.setCamundaDelegateExpression("${floorNoop}");
      }
      var deployment = repository.createDeployment().name("purchase-cost-benchmark-floor").addModelInstance(FLOOR_KEY + ".bpmn", model)
          .addClasspathResource("processes/OrderApproval.dmn");
      // The same forms, deployed with the floor: its tasks take the same fields as ours.
      for (var form : new org.springframework.core.io.support.PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        deployment.addInputStream(form.getFilename(), form.getInputStream());
      }
      deployment.deploy();
      // Agents may start the floor as they start the real purchase: both pay the same authorization checks.
      var authorizations = app.getBean(org.camunda.bpm.engine.AuthorizationService.class);
      var grant = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId("agents");
      grant.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
      grant.setResourceId(FLOOR_KEY);
      grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
      grant.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE);
      authorizations.saveAuthorization(grant);
    }

    void ours() throws Exception {
      String id = Jobs.submitStartFormAs(identity, forms, "alice", definitionId(PROCESS_KEY), Map.of(CUSTOMER_SEARCH, "Contoso Ltd"));
      runJobs(id);
      String subscription = JSON.readTree(runtime.getVariable(id, SUBSCRIPTION_OPTIONS).toString()).get(0).get("value").asText();
      complete(id, SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, subscription);
      runJobs(id);
      complete(id, RECOMMENDATION_ACTION, "search");
      complete(id, FILTER_ACTION, "search", PRODUCT_TYPE, "vm", REGION, "westeurope", SIZE_FILTER, "D4s", TERM, "P3Y", BILLING_PLAN,
          "upfront");
      runJobs(id);
      String reservation = JSON.readTree(runtime.getVariable(id, RESERVATION_RESULTS).toString()).get(0).get("value").asText();
      complete(id, CART_ACTION, "addAndReview", RESERVATION, reservation, QUANTITY, 2);
      complete(id, REVIEW_ACTION, "buy", SCOPE, "shared", RESELLER_MPN_ID, "4847383");
      runJobs(id);
      complete(id);
      requireEnded(id);
    }

    void floor() throws Exception {
      String id = Jobs.submitStartFormAs(identity, forms, "alice", definitionId(FLOOR_KEY), Map.of(CUSTOMER_SEARCH, "Contoso Ltd"));
      runJobs(id);
      complete(id, SUBSCRIPTION_ACTION, "choose", SUBSCRIPTION_ID, "s");
      runJobs(id);
      complete(id, RECOMMENDATION_ACTION, "search");
      complete(id, FILTER_ACTION, "search");
      runJobs(id);
      complete(id, CART_ACTION, "addAndReview");
      complete(id, REVIEW_ACTION, "buy");
      runJobs(id);
      complete(id);
      requireEnded(id);
    }

    /** Tasklist starts a process by its definition's id, which it knows from the list of processes. */
    private String definitionId(String key) {
      return definitionIds.computeIfAbsent(key,
          k -> repository.createProcessDefinitionQuery().processDefinitionKey(k).latestVersion().singleResult().getId());
    }

    private void runJobs(String instanceId) {
      Jobs.runDue(management, instanceId);
    }

    private void complete(String instanceId, Object... nameValues) {
      Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
      if (task == null) {
        throw new IllegalStateException("No task in " + instanceId);
      }
      Jobs.completeAsAssignee(identity, tasks, task, Jobs.variables(nameValues));
    }

    private void requireEnded(String instanceId) {
      if (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() != 0) {
        throw new IllegalStateException("Purchase " + instanceId + " did not end: "
            + runtime.getActiveActivityIds(instanceId));
      }
    }
  }
}
