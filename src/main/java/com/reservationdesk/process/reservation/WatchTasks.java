package com.reservationdesk.process.reservation;

import static com.reservationdesk.process.reservation.ReservationVariables.*;

import com.reservationdesk.reservation.ReservationWatches;
import com.reservationdesk.reservation.ReservationWatches.Raised;
import com.reservationdesk.security.Roles;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts the task processes the watches raised, in the sweep's own transaction (so a page's watches and their tasks
 * commit together, or neither): a renewal or under-use process per watch, its business key the watch's id. The task
 * goes to the agent who bought the reservation while that agent is still one; otherwise to every agent.
 */
@Component
public class WatchTasks {

  private final ReservationWatches watches;

  public WatchTasks(ReservationWatches watches) {
    this.watches = watches;
  }

  int start(ProcessEngineServices engine, List<Raised> raised) {
    for (Raised watch : raised) {
      boolean renewal = watch.kind() == ReservationWatches.Kind.RENEWAL;
      Map<String, Object> variables = ReservationRows.display(watch.reservation());
      variables.put(WATCH_ID, watch.watchId());
      variables.put(renewal ? RENEWAL_AGENT : UNDER_USE_AGENT, stillAnAgent(engine, watch.raisedFor()));
      if (renewal) {
        variables.put(RESERVATION_EXPIRES_AT, ReservationRows.expiresAt(watch.reservation()));
      } else {
        variables.put(UNDER_USE_NOTE, "Under the threshold of ReservationWatchRules.dmn (week " + watch.notice() + ").");
      }
      ProcessInstance started = engine.getRuntimeService().startProcessInstanceByKey(renewal ? RENEWAL_KEY : UNDER_USE_KEY,
          watch.watchId(), variables);
      watches.started(watch.watchId(), started.getId());
    }
    return raised.size();
  }

  /** The agent, while a user of group agents; null (every agent sees the task) otherwise. */
  private static String stillAnAgent(ProcessEngineServices engine, String user) {
    if (user == null) {
      return null;
    }
    return engine.getIdentityService().createUserQuery().userId(user).memberOfGroup(Roles.AGENTS).count() > 0 ? user : null;
  }
}
