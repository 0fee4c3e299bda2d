package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.engine.history.HistoryExclusion;
import com.reservationdesk.engine.security.ProcessAccess;
import com.reservationdesk.policy.OrderPolicy;
import com.reservationdesk.policy.RecommendationPolicy;
import com.reservationdesk.security.Roles;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the engine extensions need to know of the purchase process: who may start it, what its history leaves out. */
@Configuration
public class PurchaseProcessGlue {

  @Bean
  ProcessAccess purchaseProcessAccess() {
    // Approvers read the definition to see the diagram of the purchase they approve.
    return new ProcessAccess(PROCESS_KEY, Set.of(Roles.AGENTS), Set.of(Roles.AGENTS, Roles.APPROVERS));
  }

  @Bean
  HistoryExclusion purchaseHistoryExclusion() {
    return new HistoryExclusion() {
      @Override
      public String processKey() {
        return PROCESS_KEY;
      }

      @Override
      public Set<String> displayOnlyVariables() {
        return DISPLAY_ONLY;
      }

      @Override
      public Set<String> unauditedDecisions() {
        Set<String> tables = new java.util.HashSet<>(OrderPolicy.TABLES);
        tables.addAll(RecommendationPolicy.TABLES);
        return Set.copyOf(tables);
      }
    };
  }
}
