package com.reservationdesk.process.refund;

import static com.reservationdesk.process.refund.ReturnVariables.*;

import com.reservationdesk.engine.history.HistoryExclusion;
import com.reservationdesk.engine.security.ProcessAccess;
import com.reservationdesk.policy.RefundPolicy;
import com.reservationdesk.security.Roles;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the engine extensions need to know of the return and exchange processes: agents start them; display variables stay out of history. */
@Configuration
public class ReturnProcessGlue {

  @Bean
  ProcessAccess returnAccess() {
    return new ProcessAccess(RETURN_KEY, Set.of(Roles.AGENTS), Set.of(Roles.AGENTS, Roles.APPROVERS));
  }

  @Bean
  ProcessAccess exchangeAccess() {
    return new ProcessAccess(EXCHANGE_KEY, Set.of(Roles.AGENTS), Set.of(Roles.AGENTS, Roles.APPROVERS));
  }

  @Bean
  HistoryExclusion returnHistory() {
    return exclusion(RETURN_KEY);
  }

  @Bean
  HistoryExclusion exchangeHistory() {
    return exclusion(EXCHANGE_KEY);
  }

  private static HistoryExclusion exclusion(String key) {
    return HistoryExclusion.of(key, DISPLAY_ONLY, RefundPolicy.TABLES);
  }

}
