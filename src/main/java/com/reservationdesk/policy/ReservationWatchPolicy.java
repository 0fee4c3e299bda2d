package com.reservationdesk.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * When the watches speak, decided by the tables in {@code processes/ReservationWatchRules.dmn} that process owners tune:
 * which renewal notice a reservation gets how many days before it expires, and below what utilization it is under-used.
 */
@Service
public class ReservationWatchPolicy {

  static final String RENEWAL_NOTICE = "RenewalNotice";
  static final String UNDER_USE = "UnderUseThreshold";
  public static final Set<String> TABLES = Set.of(RENEWAL_NOTICE, UNDER_USE);

  /** A renewal notice: the first (decide) or the last (a week ahead, still undecided). */
  public enum Notice { FIRST, LAST }

  /** @param minimumAveragePercent under this average utilization a reservation is under-used; @param days over this many days */
  public record UnderUse(double minimumAveragePercent, int days) {}

  private final RuleTables tables;
  /** Each term and day count gives the same answer as long as the same tables are deployed. */
  private final Cache<String, Optional<Notice>> notices = Caffeine.newBuilder().maximumSize(1_000).build();
  private final Cache<String, UnderUse> underUse = Caffeine.newBuilder().build();

  public ReservationWatchPolicy(RuleTables tables) {
    this.tables = tables;
  }

  /** The notice a reservation of this term gets with this many days left; empty when none is due. */
  public Optional<Notice> renewalNotice(String term, long daysLeft) {
    int days = (int) Math.max(-1, Math.min(daysLeft, 400));
    return notices.get(term + '|' + days, key -> {
      Object notice = tables.decide(RENEWAL_NOTICE, Map.of("term", term == null ? "" : term, "daysLeft", days)).get("notice");
      return switch (String.valueOf(notice)) {
        case "first" -> Optional.of(Notice.FIRST);
        case "last" -> Optional.of(Notice.LAST);
        case "none" -> Optional.empty();
        default -> throw new IllegalStateException(RENEWAL_NOTICE + " answers \u201c" + notice + "\u201d for " + key
            + ": a notice is first, last or none. Correct the table in ReservationWatchRules.dmn.");
      };
    });
  }

  /** When a reservation of this term is under-used. */
  public UnderUse underUse(String term) {
    return underUse.get(term == null ? "" : term, key -> {
      Map<String, Object> result = tables.decide(UNDER_USE, Map.of("term", key));
      Object minimum = result.get("minimumAveragePercent");
      Object days = result.get("days");
      if (!(minimum instanceof Number m) || !(days instanceof Number d) || m.doubleValue() < 0 || m.doubleValue() > 100
          || (d.intValue() != 7 && d.intValue() != 30)) {
        throw new IllegalStateException(UNDER_USE + " answers " + result + " for " + key
            + ": a percentage 0 to 100 over 7 or 30 days. Correct the table in ReservationWatchRules.dmn.");
      }
      return new UnderUse(m.doubleValue(), d.intValue());
    });
  }
}
