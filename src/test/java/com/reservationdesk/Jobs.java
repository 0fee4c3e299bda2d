package com.reservationdesk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;

/** Tests and benchmarks run without the job executor: the asynchronous steps run when they say. */
public final class Jobs {

  private Jobs() {}

  /** Runs the due jobs of one process instance (of all, with null) until none is left, ten rounds at most. */
  public static void runDue(ManagementService management, String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      JobQuery query = management.createJobQuery().executable();
      List<Job> jobs = processInstanceId == null ? query.list() : query.processInstanceId(processInstanceId).list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** Variables from name, value pairs, as a form submits them. */
  public static Map<String, Object> variables(Object... nameValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      values.put((String) nameValues[i], nameValues[i + 1]);
    }
    return values;
  }
}
