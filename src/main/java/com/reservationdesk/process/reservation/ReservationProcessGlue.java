package com.reservationdesk.process.reservation;

import static com.reservationdesk.process.reservation.ReservationVariables.*;

import com.reservationdesk.engine.history.HistoryExclusion;
import com.reservationdesk.engine.security.ProcessAccess;
import com.reservationdesk.policy.ReservationWatchPolicy;
import com.reservationdesk.security.Roles;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the engine extensions need to know of the reservation processes: agents start a scope change themselves; the
 * sweeps start the renewal and under-use tasks (nobody starts those by hand, operators aside); agents read the
 * definitions of what they work, to see the diagram.
 */
@Configuration
public class ReservationProcessGlue {

  @Bean
  ProcessAccess scopeChangeAccess() {
    return new ProcessAccess(SCOPE_KEY, Set.of(Roles.AGENTS), Set.of(Roles.AGENTS));
  }

  @Bean
  ProcessAccess renewalAccess() {
    return new ProcessAccess(RENEWAL_KEY, Set.of(), Set.of(Roles.AGENTS));
  }

  @Bean
  ProcessAccess underUseAccess() {
    return new ProcessAccess(UNDER_USE_KEY, Set.of(), Set.of(Roles.AGENTS));
  }

  @Bean
  HistoryExclusion sweepHistory() {
    return exclusion(SWEEP_KEY);
  }

  @Bean
  HistoryExclusion underUseSweepHistory() {
    return exclusion(UNDER_USE_SWEEP_KEY);
  }

  @Bean
  HistoryExclusion renewalHistory() {
    return exclusion(RENEWAL_KEY);
  }

  @Bean
  HistoryExclusion underUseHistory() {
    return exclusion(UNDER_USE_KEY);
  }

  @Bean
  HistoryExclusion scopeChangeHistory() {
    return exclusion(SCOPE_KEY);
  }

  private static HistoryExclusion exclusion(String key) {
    return HistoryExclusion.of(key, DISPLAY_ONLY, ReservationWatchPolicy.TABLES);
  }

}
