package com.reservationdesk.process;

import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The engine every process test runs its models on: in memory, with coverage, delegates resolved from
 * {@code Mocks}, Spin for JSON variables, full history, the job executor off (tests run jobs themselves).
 */
public final class ProcessTestEngines {

  private ProcessTestEngines() {}

  public static ProcessCoverageInMemProcessEngineConfiguration configuration(String name) {
    ProcessCoverageInMemProcessEngineConfiguration configuration = new ProcessCoverageInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    configuration.setHistory("full");
    configuration.setDefaultSerializationFormat("application/json");
    return configuration;
  }
}
